using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Visibility;

/// <summary>
/// A push of one stream's events rendered once per role present on the node — redacted as that
/// role may see it — plus a rendering of her own for each connection whose otherwise hidden
/// position is in the batch. Rendering once per role, not per connection, keeps a big room's
/// push cost at a few renderings however many connections it has.
/// </summary>
public static class PushRendering
{
    public static IReadOnlyList<EventDelivery> Events(IReadOnlyList<RecordedEventEnvelope> events, IReadOnlyCollection<ConnectedViewer> connections, ConfidentialityMode mode)
    {
        if (events.Count == 0)
            return [];
        var streamId = events[0].StreamId;
        var deliveries = new List<EventDelivery>();
        foreach (var role in connections.Select(c => c.Role).Distinct())
        {
            var audience = Audience.OfRole(role, mode);
            var personal = audience.SeesNames ? [] : connections
                .Where(c => c.Role == role && !c.AsRoom && events.Any(e => EventLog.Attributes(e) == c.ParticipantId))
                .ToList();
            deliveries.Add(new RoleDelivery(role, [.. personal.Select(c => c.ConnectionId)], streamId, [.. events.Select(e => EventLog.Render(e, audience))]));
            foreach (var connection in personal)
            {
                var own = audience with { Viewer = connection.ParticipantId };
                deliveries.Add(new PersonalDelivery(role, connection.ConnectionId, streamId, [.. events.Select(e => EventLog.Render(e, own))]));
            }
        }
        return deliveries;
    }

    /// <summary>
    /// The live figures that moved, to the roles present that see live figures — and to no other:
    /// release viewers hear of figures only through <see cref="Released"/>.
    /// </summary>
    public static IReadOnlyList<(Role Role, ConsensusUpdate Update)> Consensus(Guid dialogueId, StatementConsensus moved, DialogueState dialogue, IEnumerable<Role> roles) =>
        [.. roles.Distinct().Where(role => ConsensusVisibility.SeesLiveFigures(dialogue, role)).Select(role => (role, ConsensusVisibility.LiveUpdate(dialogueId, moved)))];

    /// <summary>The release viewers' update — one rendering, the same for every role that does not see live figures.</summary>
    public static IReadOnlyList<(Role Role, ConsensusUpdate Update)> Released(Guid dialogueId, StatementConsensus released, IReadOnlyList<ClauseConsensus> moved, IReadOnlyList<PendingMark> pending, DialogueState dialogue, IEnumerable<Role> roles)
    {
        if (moved.Count == 0 && pending.Count == 0)
            return [];
        var update = ConsensusVisibility.ReleaseUpdate(dialogueId, released, moved, pending);
        return [.. roles.Distinct().Where(role => !ConsensusVisibility.SeesLiveFigures(dialogue, role)).Select(role => (role, update))];
    }

    /// <summary>Presence, once per role present.</summary>
    public static IReadOnlyList<(Role Role, PresenceView View)> Presence(Presence presence, DialogueState dialogue, IEnumerable<Role> roles) =>
        [.. roles.Distinct().Select(role => (role, PresenceVisibility.For(presence, dialogue, role)))];
}
