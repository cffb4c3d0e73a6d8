using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Realtime;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Api;
using Deliberation.Server.Hubs;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// This node's observer of the dialogue grains (GPSTracker's pattern): what a grain publishes is
/// rendered once per role — redacted as that role may see it — and sent to the SignalR group of
/// that role on this node. A connection whose own position is in the batch gets a rendering that
/// shows it to her. Every node with clients in a dialogue subscribes, so an action on one node
/// reaches clients on all.
/// </summary>
public sealed class HubFanOut(
    IHubContext<DialogueHub, IDialogueClient> hub,
    RoomConnections connections,
    IGrainFactory grains,
    IServiceProvider services,
    ILogger<HubFanOut> logger) : IDialogueObserver
{
    /// <summary>
    /// This object as a grain observer; created once, kept for the node's lifetime. Joins arrive
    /// concurrently, and two references made by a race would both be subscribed: every push would
    /// reach the room twice until the orphan expired. The lock makes exactly one.
    /// </summary>
    private IDialogueObserver Reference
    {
        get
        {
            lock (referenceGate)
                return reference ??= grains.CreateObjectReference<IDialogueObserver>(this);
        }
    }

    private readonly Lock referenceGate = new();
    private IDialogueObserver? reference;

    public Task SubscribeAsync(Guid dialogueId) => grains.GetGrain<IDialogueGrain>(dialogueId).SubscribeAsync(Reference);

    public async Task EventsAppendedAsync(Guid dialogueId, IReadOnlyList<RecordedEventEnvelope> events)
    {
        try
        {
            if (events.Any(e => e.Event is MemberAdded or MemberUpdated or MemberRemoved or DialogueSettingsChanged))
                await RefreshDialogueAsync(dialogueId);
            var mode = connections.ModeOf(dialogueId);
            var local = connections.In(dialogueId);
            var streamId = events[0].StreamId;
            foreach (var role in local.Select(c => c.Role).Distinct())
            {
                var audience = new EventLog.Audience(role, mode, null);
                // Viewers whose own, otherwise hidden, position is in the batch get their own rendering.
                var personal = audience.SeesNames ? [] : local
                    .Where(c => c.Role == role && events.Any(e => EventLog.Attributes(e) == c.ParticipantId))
                    .ToList();
                var shared = events.Select(e => EventLog.Render(e, audience)).ToList();
                await hub.Clients.GroupExcept(RoomConnections.Group(dialogueId, role), [.. personal.Select(c => c.ConnectionId)]).EventsAppended(streamId, shared);
                foreach (var connection in personal)
                {
                    var own = new EventLog.Audience(role, mode, connection.ParticipantId);
                    await hub.Clients.Client(connection.ConnectionId).EventsAppended(streamId, [.. events.Select(e => EventLog.Render(e, own))]);
                }
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not fan out events of dialogue {Dialogue}", dialogueId);
        }
    }

    public async Task ConsensusChangedAsync(Guid dialogueId, Guid statementId, long statementVersion, IReadOnlyList<ClauseConsensus> clauses, bool hasConsensus)
    {
        if (connections.DialogueOf(dialogueId) is not { } dialogue)
            return;
        foreach (var role in connections.In(dialogueId).Select(c => c.Role).Distinct())
        {
            var redacted = ConsensusRedaction.ForViewer(new StatementConsensus(statementId, statementVersion, null, hasConsensus, [.. clauses]), dialogue, role);
            await hub.Clients.Group(RoomConnections.Group(dialogueId, role))
                .ConsensusChanged(new ConsensusUpdate(dialogueId, statementId, statementVersion, hasConsensus, redacted.Clauses));
        }
    }

    public async Task PresenceChangedAsync(Presence presence)
    {
        if (connections.DialogueOf(presence.DialogueId) is not { } dialogue)
            return;
        foreach (var role in connections.In(presence.DialogueId).Select(c => c.Role).Distinct())
            await hub.Clients.Group(RoomConnections.Group(presence.DialogueId, role)).PresenceChanged(PresenceFor(presence, dialogue, role));
    }

    public async Task DraftPreviewAsync(DraftPreview preview)
    {
        var author = connections.In(preview.DialogueId).Where(c => c.ParticipantId == preview.Author).Select(c => c.ConnectionId).ToList();
        foreach (var role in connections.In(preview.DialogueId).Select(c => c.Role).Distinct())
            await hub.Clients.GroupExcept(RoomConnections.Group(preview.DialogueId, role), author).DraftPreview(preview);
    }

    /// <summary>
    /// Presence as a role may see it: names only where the mode shows names to that role; otherwise
    /// counts by role and by group, with groups under k folded as in the consensus matrix.
    /// </summary>
    public PresenceView PresenceFor(Presence presence, DialogueState dialogue, Role role)
    {
        var present = presence.Members.Select(m => (Member: dialogue.MemberOrNull(m.ParticipantId), m.Connections)).Where(m => m.Member is not null).ToList();
        var byRole = present.GroupBy(m => m.Member!.Role.ToString()).ToImmutableDictionary(g => g.Key, g => g.Count());
        ImmutableArray<PresentPerson>? people = ConsensusRedaction.SeesNames(dialogue.Settings.Confidentiality, role)
            ? [.. present.Select(m => new PresentPerson(m.Member!.ParticipantId, m.Member.DisplayName, m.Member.Role, m.Connections))]
            : null;
        var fold = ConsensusRedaction.FoldsSmallGroups(dialogue.Settings.Confidentiality, role);
        var byGroup = dialogue.Dimensions.Select(d =>
        {
            var sizes = d.Groups.Select(g => (g, dialogue.Roster.Values.Count(m => m.GroupIn(d.Name) == g))).ToArray();
            var folded = fold ? ConsensusRedaction.GroupsToFold(sizes, dialogue.Settings.MinimumGroupSize) : [];
            var counts = d.Groups.Where(g => !folded.Contains(g))
                .ToDictionary(g => g, g => present.Count(m => m.Member!.GroupIn(d.Name) == g));
            if (folded.Count > 0)
                counts[ConsensusRedaction.FoldedRowName] = present.Count(m => m.Member!.GroupIn(d.Name) is { } g && folded.Contains(g));
            return new DimensionPresence(d.Name, counts.ToImmutableDictionary());
        }).ToImmutableArray();
        return new PresenceView(presence.DialogueId, present.Count, people, byRole, byGroup);
    }

    private async Task RefreshDialogueAsync(Guid dialogueId)
    {
        var dialogues = services.GetRequiredService<DialogueService>();
        if (await dialogues.GetDialogueAsync(dialogueId) is { } dialogue)
            connections.Remember(dialogueId, dialogue);
    }
}
