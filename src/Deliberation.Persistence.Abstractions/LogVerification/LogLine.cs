using System.Text.Json;

namespace Deliberation.Persistence;

/// <summary>
/// One line of the downloaded log: its place in a stream's chain (stream, version, leaf, hash) and,
/// for an event the viewer may see whole, the content its leaf commits to (type, time, actor, the
/// payload text verbatim, salt). Opaque and partly shown events have no salt: only their link is checked.
/// </summary>
public sealed record LogLine(
    int LineNumber,
    string StreamId,
    long Version,
    string Type,
    string? Leaf,
    string? Hash,
    WholeEvent? Whole)
{
    /// <summary>Reads a whole log, numbering lines from 1 and skipping blank ones (a trailing newline is not an event).</summary>
    /// <exception cref="FormatException">A line is not a log entry; the message names it.</exception>
    public static List<LogLine> ParseAll(IEnumerable<string> texts)
    {
        var lines = new List<LogLine>();
        var number = 0;
        foreach (var text in texts)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
                lines.Add(Parse(text, number));
        }
        return lines;
    }

    /// <summary>Reads one line; throws <see cref="FormatException"/> naming the line when it is not a log entry at all.</summary>
    public static LogLine Parse(string text, int lineNumber)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException($"line {lineNumber}: not a JSON object.");
            var streamId = String(root, "streamId") ?? throw new FormatException($"line {lineNumber}: no streamId.");
            if (!root.TryGetProperty("version", out var version) || !version.TryGetInt64(out var v))
                throw new FormatException($"line {lineNumber}: no version.");
            var type = String(root, "type") ?? throw new FormatException($"line {lineNumber}: no type.");
            var salt = String(root, "salt");
            var payload = String(root, "payload");
            WholeEvent? whole = salt is not null && payload is not null
                ? new WholeEvent(String(root, "occurredAt") ?? "", String(root, "actor") ?? "", payload, salt)
                : null;
            return new LogLine(lineNumber, streamId, v, type, String(root, "leaf"), String(root, "hash"), whole);
        }
        catch (JsonException e)
        {
            throw new FormatException($"line {lineNumber}: not JSON ({e.Message}).", e);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>What a whole event's leaf commits to, as the log gives it.</summary>
public sealed record WholeEvent(string OccurredAt, string Actor, string Payload, string Salt);
