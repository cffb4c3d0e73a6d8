using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Domain;

/// <summary>
/// Numbers in domain JSON are finite. <c>NaN</c>, <c>Infinity</c> and a literal too large for a
/// double such as <c>1e400</c> are a <see cref="JsonException"/> — bad input the edge answers 400 —
/// rather than the serializer's <see cref="FormatException"/>, which ASP.NET and SignalR treat as an
/// error of the server. A number in a string (<c>"12.5"</c>) is read where the options allow it, as before.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDouble(out var number) => number,
            JsonTokenType.String when (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) != 0
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsFinite(value) ? value : throw new JsonException("Expected a finite number.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
