using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Events;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Realtime;
using Deliberation.Persistence;

namespace Deliberation.Server.Visibility;

/// <summary>
/// Events as a viewer may read them — over HTTP and on the hub alike. Every event keeps its place in
/// its stream's chain: <c>streamId</c>, <c>version</c>, <c>logPosition</c>, <c>leaf</c> and
/// <c>eventHash</c>, so any viewer can check the chain is whole. What else goes out follows
/// <see cref="EventDisclosures.Of"/>: a whole event adds its fields, <c>occurredAt</c>, <c>actor</c>
/// and its <c>salt</c> (she can recompute its leaf); one without its author adds its fields and
/// time but no actor and no salt; an opaque one is <c>{"type":"Hidden"}</c> with nothing more
/// (docs/api.md, "Events").
/// </summary>
public static class EventLog
{
    public const int PageSize = 5_000;

    public static IEnumerable<JsonObject> ForViewer(IEnumerable<StoredEvent> events, Viewer viewer) =>
        ForAudience(events, viewer.Audience);

    public static IEnumerable<JsonObject> ForAudience(IEnumerable<StoredEvent> events, Audience audience) =>
        events.Select(stored => Render(RecordedEvent.Envelope(stored, DomainJson.DeserializeEvent(stored.Type, stored.PayloadJson)), audience));

    /// <summary>
    /// The event as this audience sees it. One it may not see at all stays in the list as
    /// <c>{"type":"Hidden"}</c> with its stream, version, leaf and hash, so versions stay contiguous,
    /// a client never mistakes a hidden event for a gap, and the chain can still be checked.
    /// </summary>
    public static JsonObject Render(RecordedEventEnvelope envelope, Audience audience)
    {
        var disclosure = EventDisclosures.Of(envelope.Event, envelope.Actor, audience);
        if (disclosure == EventDisclosure.Opaque)
            return new JsonObject
            {
                ["type"] = RenderedEvent.HiddenType, ["streamId"] = envelope.StreamId, ["version"] = envelope.Version,
                ["logPosition"] = envelope.LogPosition, ["leaf"] = envelope.Leaf, ["eventHash"] = envelope.EventHash,
            };
        var json = (JsonObject)JsonSerializer.SerializeToNode(envelope.Event, DomainJson.Options)!;
        json["streamId"] = envelope.StreamId;
        json["version"] = envelope.Version;
        // Named so no event field is overwritten (PositionTaken has a "position", StatementFrozen a "hash").
        json["logPosition"] = envelope.LogPosition;
        json["occurredAt"] = envelope.OccurredAt;
        if (disclosure == EventDisclosure.Whole)
        {
            json["actor"] = envelope.Actor.ToString();
            json["salt"] = envelope.Salt;
        }
        json["leaf"] = envelope.Leaf;
        json["eventHash"] = envelope.EventHash;
        return json;
    }

    /// <summary>The person an event would attribute a view to, where the mode may hide it.</summary>
    public static Guid? Attributes(RecordedEventEnvelope envelope) => Attributes(envelope.Event, envelope.Actor);

    public static Guid? Attributes(DomainEvent e, Guid actor) => e switch
    {
        PositionTaken p => p.ParticipantId,
        RangeStated r => r.ParticipantId,
        AmendmentProposed => actor,
        _ => null,
    };
}
