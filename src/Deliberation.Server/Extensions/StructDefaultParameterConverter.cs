using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Domain;

namespace Deliberation.Server.Extensions;

/// <summary>
/// Keeps the OpenAPI document buildable while the runtime's schema writer fails on records with a
/// value-type parameter declared <c>= default</c> (e.g. <c>ImmutableArray&lt;string&gt; Languages = default</c>
/// on <c>DialogueSettings</c>): it tries to write that default as the schema's <c>default</c> and
/// throws (dotnet/runtime issue 133178, fixed after .NET 10.0.12). Such records are read and written
/// here with the domain's own options, so their JSON is unchanged, and the schema writer sees a
/// converter and describes them as any object instead of throwing. Remove once the runtime is fixed.
/// </summary>
public sealed class StructDefaultParameterConverter : JsonConverterFactory
{
    private static readonly ConcurrentDictionary<Type, bool> Affected = new();

    public override bool CanConvert(Type typeToConvert) => Affected.GetOrAdd(typeToConvert, HasStructDefaultParameter);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(DomainOptionsConverter<>).MakeGenericType(typeToConvert))!;

    private static bool HasStructDefaultParameter(Type type) =>
        type.Namespace?.StartsWith("Deliberation.", StringComparison.Ordinal) == true
        && type is { IsClass: true, IsAbstract: false }
        && type.GetConstructors().Any(c => c.GetParameters().Any(IsStructDefault));

    private static bool IsStructDefault(ParameterInfo parameter) =>
        parameter is { HasDefaultValue: true, DefaultValue: null, ParameterType.IsValueType: true }
        && Nullable.GetUnderlyingType(parameter.ParameterType) is null;

    private sealed class DomainOptionsConverter<T> : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<T>(ref reader, DomainJson.Options);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, DomainJson.Options);
    }
}
