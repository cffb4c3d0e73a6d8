using System.Text.Json;
using System.Text.Json.Serialization;

namespace Deliberation.Domain.Statements;

/// <summary>
/// A <see cref="PositionTable"/> is stored as the object an <c>ImmutableDictionary&lt;Guid, Position&gt;</c>
/// made before it: participant id → position. Stored snapshots and traces read as they did, and a
/// table is written in that dictionary's order (by the id's hash code), so a state's JSON does not
/// depend on the order its positions arrived in: a replayed state and one resumed from a snapshot
/// write the same text.
/// </summary>
public sealed class PositionTableJsonConverter : JsonConverter<PositionTable>
{
    public override PositionTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Positions are an object of participant id → position.");
        if (TableReading.Current is { } reading)
        {
            // On the reading's numbering, filled in place: no map of its own, no list of entries.
            var cells = new PositionTable.Builder(PositionTable.Empty);
            while (ReadEntry(ref reader, options, out var participant, out var position))
                cells.Set(reading.SlotOf(participant), reading.Positions.Of(position));
            return cells.ToTable(reading.Slots);
        }
        var entries = new List<KeyValuePair<Guid, Position>>();
        while (ReadEntry(ref reader, options, out var participant, out var position))
            entries.Add(new(participant, position));
        return PositionTable.Of(entries);
    }

    private static bool ReadEntry(ref Utf8JsonReader reader, JsonSerializerOptions options, out Guid participant, out Position position)
    {
        (participant, position) = (Guid.Empty, null!);
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
            return false;
        var name = reader.GetString();
        if (!Guid.TryParse(name, out participant))
            throw new JsonException($"A position is keyed by a participant id, not '{name}'.");
        reader.Read();
        position = JsonSerializer.Deserialize<Position>(ref reader, options)
            ?? throw new JsonException($"The position of {participant} is null.");
        return true;
    }

    public override void Write(Utf8JsonWriter writer, PositionTable value, JsonSerializerOptions options)
    {
        var entries = value.ToArray();
        var hashes = Array.ConvertAll(entries, e => e.Key.GetHashCode());
        // Stable, as the dictionary's buckets kept equal hashes in arrival order.
        var order = Enumerable.Range(0, entries.Length).OrderBy(i => hashes[i]).ToArray();
        writer.WriteStartObject();
        // Each id formatted in place: an imported statement's state has millions, and a string each was
        // most of what writing its snapshot allocated (docs/performance.md, "Session 16").
        Span<char> name = stackalloc char[36];
        foreach (var i in order)
        {
            entries[i].Key.TryFormat(name, out _, "D");
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, entries[i].Value, options);
        }
        writer.WriteEndObject();
    }
}
