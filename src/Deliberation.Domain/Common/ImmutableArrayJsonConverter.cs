using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Domain;

/// <summary>
/// Writes a default (uninitialised) <see cref="ImmutableArray{T}"/> as an empty array: records
/// use default to mean "none" (e.g. all dimensions count), which System.Text.Json cannot enumerate.
/// </summary>
internal sealed class ImmutableArrayJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? default : [.. JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []];

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.IsDefault ? [] : (IEnumerable<T>)value, options);
    }
}
