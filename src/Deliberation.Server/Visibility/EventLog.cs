using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Events;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;

namespace Deliberation.Server.Visibility;

/// <summary>
/// Events as a viewer may read them — over HTTP and on the hub alike: each with its fields plus
/// <c>streamId</c>, <c>version</c>, <c>logPosition</c>, <c>occurredAt</c>, <c>actor</c> and
/// <c>eventHash</c>. Where the mode hides who took a position, the participant, actor and hash are
/// removed (the hash covers the hidden fields: trying each roster member would reveal who it was);
/// invite events are shown only to organisers (others see a <c>Hidden</c> placeholder).
/// </summary>
public static class EventLog
{
    public const int PageSize = 5_000;

    public static IEnumerable<JsonObject> ForViewer(IEnumerable<StoredEvent> events, Viewer viewer) =>
        ForAudience(events, viewer.Audience);

    public static IEnumerable<JsonObject> ForAudience(IEnumerable<StoredEvent> events, Audience audience) =>
        events.Select(stored => Render(RecordedEvent.Envelope(stored, Domain.DomainJson.DeserializeEvent(stored.Type, stored.PayloadJson)), audience));

    /// <summary>
    /// The event as this audience sees it. One it may not see at all stays in the list as
    /// <c>{"type":"Hidden"}</c> with its stream and version, so versions stay contiguous and a
    /// client never mistakes a hidden event for a gap.
    /// </summary>
    public static JsonObject Render(RecordedEventEnvelope envelope, Audience audience)
    {
        var e = envelope.Event;
        if (e is InviteIssued or InviteRevoked && !audience.Role.Organises())
            return new JsonObject
            {
                ["type"] = RenderedEvent.HiddenType, ["streamId"] = envelope.StreamId, ["version"] = envelope.Version,
                ["logPosition"] = envelope.LogPosition, ["occurredAt"] = envelope.OccurredAt,
            };
        var json = (JsonObject)JsonSerializer.SerializeToNode(e, Domain.DomainJson.Options)!;
        json["streamId"] = envelope.StreamId;
        json["version"] = envelope.Version;
        // Named so no event field is overwritten (PositionTaken has a "position", StatementFrozen a "hash").
        json["logPosition"] = envelope.LogPosition;
        json["occurredAt"] = envelope.OccurredAt;
        json["actor"] = envelope.Actor.ToString();
        json["eventHash"] = envelope.EventHash;
        if (!audience.SeesNames && Attributes(envelope) is { } participant && participant != audience.Viewer)
        {
            json.Remove("participantId");
            json.Remove("actor");
            json.Remove("eventHash");
        }
        return json;
    }

    /// <summary>The person an event would attribute a view to, where the mode may hide it.</summary>
    public static Guid? Attributes(RecordedEventEnvelope envelope) => envelope.Event switch
    {
        PositionTaken p => p.ParticipantId,
        RangeStated r => r.ParticipantId,
        AmendmentProposed => envelope.Actor,
        _ => null,
    };
}
