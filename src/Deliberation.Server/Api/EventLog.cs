using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Persistence;

namespace Deliberation.Server.Api;

/// <summary>
/// Stored events as a viewer may read them: each with its fields plus <c>streamId</c>,
/// <c>version</c>, <c>logPosition</c>, <c>occurredAt</c>, <c>actor</c> and <c>eventHash</c>. Where the mode hides who took a position, the participant and actor are removed;
/// invite events are shown only to organisers.
/// </summary>
public static class EventLog
{
    public const int PageSize = 5_000;

    public static IEnumerable<JsonObject> ForViewer(IEnumerable<StoredEvent> events, Viewer viewer)
    {
        var seesNames = ConsensusRedaction.SeesNames(viewer.Dialogue.Settings.Confidentiality, viewer.Role);
        foreach (var stored in events)
        {
            var e = DomainJson.DeserializeEvent(stored.Type, stored.PayloadJson);
            if (e is InviteIssued or InviteRevoked && !viewer.Role.Organises())
                continue;
            var json = (JsonObject)JsonSerializer.SerializeToNode(e, DomainJson.Options)!;
            json["streamId"] = stored.StreamId;
            json["version"] = stored.Version;
            // Named so no event field is overwritten (PositionTaken has a "position", StatementFrozen a "hash").
            json["logPosition"] = stored.Position;
            json["occurredAt"] = stored.OccurredAt;
            json["actor"] = stored.Actor;
            json["eventHash"] = stored.Hash;
            if (!seesNames && Attributes(e) is { } participant && participant != viewer.ParticipantId)
            {
                json.Remove("participantId");
                json.Remove("actor");
                // The hash covers the hidden fields: with the roster, trying each member would reveal who it was.
                json.Remove("eventHash");
            }
            yield return json;
        }
    }

    /// <summary>The person an event would attribute a view to, where the mode may hide it.</summary>
    private static Guid? Attributes(DomainEvent e) => e switch
    {
        PositionTaken p => p.ParticipantId,
        RangeStated r => r.ParticipantId,
        AmendmentProposed => Guid.Empty,
        _ => null,
    };
}
