using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Deliberation.Contracts.Http;

namespace Deliberation.Server.Protection;

/// <summary>
/// What a client sends over HTTP or the hub — the contract's requests and the domain's commands —
/// has every member its record does not mark nullable (<see cref="RequiredMembers"/>): a body without
/// <c>displayName</c> is a 400 with rule <c>request.malformed</c>, and a hub call a refusal with the
/// reason, not a null reaching a grain.
/// </summary>
public static class RequiredMembersCheck
{
    public static void ApplyTo(JsonSerializerOptions options)
    {
        var resolver = options.TypeInfoResolver ?? JsonSerializer.IsReflectionEnabledByDefault switch
        {
            true => new DefaultJsonTypeInfoResolver(),
            false => throw new InvalidOperationException("JSON options without a resolver."),
        };
        options.TypeInfoResolver = resolver.WithAddedModifier(Check);
    }

    private static void Check(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.IsAbstract || info.OnDeserialized is not null)
            return;
        if (info.Type.Assembly == typeof(AddMemberRequest).Assembly || info.Type.Assembly == typeof(RequiredMembers).Assembly && IsCommand(info.Type))
            info.OnDeserialized = RequiredMembers.Check;
    }

    private static bool IsCommand(Type type) =>
        type.IsSubclassOf(typeof(Domain.Dialogues.DialogueCommand)) || type.IsSubclassOf(typeof(Domain.Statements.StatementCommand));
}
