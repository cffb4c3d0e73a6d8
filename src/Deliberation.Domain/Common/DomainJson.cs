using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Deliberation.Domain;

/// <summary>
/// The one JSON shape of domain types, used by the event store, the wire and Orleans, so an
/// event looks the same wherever it is read. Polymorphic bases get a <c>type</c> discriminator
/// naming the concrete record; derived types are found by reflection, so adding an event is
/// adding a record. The discriminator may come anywhere in the object (not only first, as
/// hand-written JSON often has it); an object of a polymorphic base with no discriminator is a
/// <see cref="JsonException"/> naming what is missing, never an error of the server. Numbers are
/// finite (<see cref="FiniteDoubleConverter"/>).
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static readonly Type[] PolymorphicBases =
    [
        typeof(DomainEvent),
        typeof(Dialogues.DialogueEvent),
        typeof(Statements.StatementEvent),
        typeof(Participants.ParticipantEvent),
        typeof(Sessions.SessionEvent),
        typeof(Dialogues.DialogueCommand),
        typeof(Statements.StatementCommand),
        typeof(Sessions.SessionCommand),
    ];

    private static readonly Dictionary<string, Type> EventTypesByName = typeof(DomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(DomainEvent)))
        .ToDictionary(t => t.Name);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    /// <summary>As <see cref="Deserialize{T}(string)"/>, from UTF-8 JSON read as it is parsed: a state of hundreds of megabytes is never one string.</summary>
    public static async ValueTask<T> DeserializeAsync<T>(Stream utf8Json, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync<T>(utf8Json, Options, cancellationToken) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    /// <summary>Serializes an event without its discriminator, for a store that keeps the type in a column of its own.</summary>
    public static string SerializeEventPayload(DomainEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static DomainEvent DeserializeEvent(string type, string payloadJson) =>
        EventTypesByName.TryGetValue(type, out var t)
            ? (DomainEvent)(JsonSerializer.Deserialize(payloadJson, t, Options) ?? throw new JsonException($"Event {type} is null."))
            : throw new JsonException($"Unknown event type '{type}'.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddDerivedTypes } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new ImmutableArrayJsonConverter());
        options.Converters.Add(new FiniteDoubleConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void AddDerivedTypes(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
            return;
        if (info.Type == typeof(DomainEvent) || info.Type.IsSubclassOf(typeof(DomainEvent)))
        {
            // Computed from the type; the discriminator carries it on the wire.
            var eventType = info.Properties.FirstOrDefault(p => p.Name == "eventType");
            if (eventType is not null)
                info.Properties.Remove(eventType);
        }
        if (info.Type.IsSubclassOf(typeof(Dialogues.DialogueCommand)) || info.Type.IsSubclassOf(typeof(Statements.StatementCommand)))
            info.OnDeserialized = RequiredMembers.Check;
        if (!PolymorphicBases.Contains(info.Type))
            return;
        // Without a discriminator the serializer would try to make the abstract base itself and fail
        // with NotSupportedException, which ASP.NET and SignalR treat as a server error.
        var baseName = info.Type.Name;
        info.CreateObject = () => throw new JsonException(
            $"A {baseName} needs a \"type\" property naming which one, e.g. {{\"type\":\"{info.Type.Assembly.GetTypes().First(t => !t.IsAbstract && t.IsSubclassOf(info.Type)).Name}\", …}}.");
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var derived in info.Type.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(info.Type)))
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(derived, derived.Name));
    }
}
