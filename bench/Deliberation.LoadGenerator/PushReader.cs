using System.Text.Json;
using Deliberation.Contracts.Hub;

namespace Deliberation.LoadGenerator;

/// <summary>What a load run needs from one hub message.</summary>
public enum FrameKind { Other, EventsAppended, Completion }

/// <summary>
/// Reads one hub message with a forward-only <see cref="Utf8JsonReader"/>, keeping only what the
/// run measures: for <c>EventsAppended</c> the stream and each event's <c>version</c> and whether
/// it is a release (<c>FiguresReleased</c>); for a completion its invocation id (the caller parses the rare completions fully).
/// Everything else — consensus updates, presence — is scanned past without building objects.
/// </summary>
public static class PushReader
{
    public const string ReleaseType = "FiguresReleased";

    public readonly record struct Pushed(long Version, bool IsRelease);

    /// <param name="target">The invoked client method, or null for a completion or a ping.</param>
    public static FrameKind Read(ReadOnlySpan<byte> message, List<Pushed> events, out string? stream, out string? invocationId, out string? target)
    {
        events.Clear();
        stream = null;
        invocationId = null;
        target = null;
        var type = 0;
        var reader = new Utf8JsonReader(message);
        reader.Read(); // the message object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
            else if (reader.ValueTextEquals("target"u8)) { reader.Read(); target = reader.GetString(); }
            else if (reader.ValueTextEquals("invocationId"u8)) { reader.Read(); invocationId = reader.GetString(); }
            else if (reader.ValueTextEquals("arguments"u8) && target is null or nameof(IDialogueClient.EventsAppended)) stream = ReadArguments(ref reader, events);
            else { reader.Read(); reader.Skip(); }
        }
        return type switch
        {
            1 when target == nameof(IDialogueClient.EventsAppended) => FrameKind.EventsAppended,
            3 => FrameKind.Completion,
            _ => FrameKind.Other,
        };
    }

    /// <summary><c>[streamId, [{version, note, …}, …]]</c>; anything of another shape yields no events.</summary>
    private static string? ReadArguments(ref Utf8JsonReader reader, List<Pushed> events)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        reader.Read();
        var stream = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (stream is null)
            reader.Skip();
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                events.Add(ReadEvent(ref reader));
        }
        else
            reader.Skip();
        // Past any further arguments to the end of the array.
        while (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != 1)
        {
            reader.Read();
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                reader.Skip();
        }
        return stream;
    }

    private static Pushed ReadEvent(ref Utf8JsonReader reader)
    {
        long version = 0;
        var release = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8)) { reader.Read(); version = reader.GetInt64(); }
            else if (reader.ValueTextEquals("type"u8)) { reader.Read(); release = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(ReleaseType); }
            else { reader.Read(); reader.Skip(); }
        }
        return new Pushed(version, release);
    }
}
