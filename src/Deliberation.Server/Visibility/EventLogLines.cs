using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Events;
using Deliberation.Domain;
using Deliberation.Persistence;

namespace Deliberation.Server.Visibility;

/// <summary>
/// The events log as JSON lines (GET /api/dialogues/{id}/events?format=jsonl), for the offline
/// verifier and anyone who checks the history without our code (docs/api.md, "Events as JSON
/// lines"). One object per event, in log order, with what <see cref="EventDisclosures.Of"/> lets
/// the viewer see — the same as the JSON form:
/// <list type="bullet">
/// <item>whole: <c>streamId, version, type, occurredAt, actor, payload</c> (the stored payload text
/// verbatim, so its leaf can be recomputed byte for byte), <c>salt, leaf, hash</c>;</item>
/// <item>without its author: <c>streamId, version, type, occurredAt, fields, leaf, hash</c>;</item>
/// <item>opaque: <c>streamId, version, type:"Hidden", leaf, hash</c>.</item>
/// </list>
/// </summary>
public static class EventLogLines
{
    public const string ContentType = "application/x-ndjson";

    public const string Format = "jsonl";

    public static JsonObject Line(StoredEvent stored, Audience audience)
    {
        var e = DomainJson.DeserializeEvent(stored.Type, stored.PayloadJson);
        var actor = Guid.TryParse(stored.Actor, out var id) ? id : Guid.Empty;
        var line = new JsonObject { ["streamId"] = stored.StreamId, ["version"] = stored.Version };
        switch (EventDisclosures.Of(e, actor, audience))
        {
            case EventDisclosure.Whole:
                line["type"] = stored.Type;
                line["occurredAt"] = CanonicalTime(stored.OccurredAt);
                line["actor"] = stored.Actor;
                line["payload"] = stored.PayloadJson;
                line["salt"] = stored.Salt;
                break;
            case EventDisclosure.WithoutAuthor:
                line["type"] = stored.Type;
                line["occurredAt"] = CanonicalTime(stored.OccurredAt);
                line["fields"] = JsonSerializer.SerializeToNode(e, DomainJson.Options);
                break;
            default:
                line["type"] = RenderedEvent.HiddenType;
                break;
        }
        line["leaf"] = stored.Leaf;
        line["hash"] = stored.Hash;
        return line;
    }

    /// <summary>The time exactly as the canonical event holds it (UTC, round-trip "O"), so a verifier need not reformat it.</summary>
    public static string CanonicalTime(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Writes the lines as they are rendered, flushing every so often so a long log streams.</summary>
    public static async Task WriteAsync(Stream body, IEnumerable<StoredEvent> events, Audience audience, CancellationToken cancellationToken)
    {
        var newline = "\n"u8.ToArray();
        var count = 0;
        await using var writer = new Utf8JsonWriter(body);
        foreach (var stored in events)
        {
            Line(stored, audience).WriteTo(writer);
            await writer.FlushAsync(cancellationToken);
            writer.Reset();
            await body.WriteAsync(newline, cancellationToken);
            if (++count % 500 == 0)
                await body.FlushAsync(cancellationToken);
        }
        await body.FlushAsync(cancellationToken);
    }
}
