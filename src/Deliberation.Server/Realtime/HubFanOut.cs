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
using Orleans.Concurrency;

namespace Deliberation.Server.Realtime;

/// <summary>
/// This node's observer of the dialogue grains (GPSTracker's pattern): what a grain publishes is
/// rendered once per role — redacted as that role may see it — and sent to the SignalR group of
/// that role on this node. A connection whose own position is in the batch gets a rendering that
/// shows it to her. Every node with clients in a dialogue subscribes, so an action on one node
/// reaches clients on all. Events and consensus go out through each dialogue's
/// <see cref="DialogueOutbox"/>es, batched over a window.
/// </summary>
public sealed class HubFanOut(
    IHubContext<DialogueHub, IDialogueClient> hub,
    RoomConnections connections,
    IGrainFactory grains,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<HubFanOut> logger) : IDialogueObserver
{
    private readonly TimeSpan eventWindow = TimeSpan.FromMilliseconds(configuration.GetValue("Realtime:PushWindowMilliseconds", 10));

    // Each push costs the node a write per connection, so a big room is pushed less often: a node
    // sends one dialogue at most this many connection-messages a second, however fast its actions
    // come — 1,000 connections get a push at most every 20 ms, 100 every 10 ms (the window above).
    private readonly double pushBudgetPerSecond = configuration.GetValue("Realtime:PushBudgetPerSecond", 50_000.0);

    // The matrix is read by people: a few updates a second look live, and each update skipped is a
    // message fewer per connection, the cost that grows with the room.
    private readonly TimeSpan consensusWindow = TimeSpan.FromMilliseconds(configuration.GetValue("Realtime:ConsensusWindowMilliseconds", 200));
    private readonly Dictionary<Guid, (DialogueOutbox Events, DialogueOutbox Consensus)> outboxes = [];

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

    // A node whose clients have all left may still be subscribed for a while: it has nobody to push to.
    public Task EventsAppendedAsync(Guid dialogueId, Immutable<IReadOnlyList<RecordedEventEnvelope>> events)
    {
        if (events.Value.Count > 0 && connections.CountIn(dialogueId) > 0)
            OutboxesOf(dialogueId).Events.Post(events.Value);
        return Task.CompletedTask;
    }

    public Task ConsensusChangedAsync(Guid dialogueId, Guid statementId, long statementVersion, Immutable<IReadOnlyList<ClauseConsensus>> clauses, bool hasConsensus)
    {
        if (connections.CountIn(dialogueId) > 0)
            OutboxesOf(dialogueId).Consensus.Post(new ConsensusDelta(statementId, statementVersion, clauses.Value, hasConsensus));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends the outboxes of dialogues nobody on this node is in any more, after they send what they
    /// hold; a later join starts new ones. Called with each subscription renewal.
    /// </summary>
    public void ReleaseIdleOutboxes()
    {
        lock (outboxes)
        {
            foreach (var dialogueId in outboxes.Keys.Where(d => connections.CountIn(d) == 0).ToList())
            {
                var (events, consensus) = outboxes[dialogueId];
                outboxes.Remove(dialogueId);
                events.Complete();
                consensus.Complete();
            }
        }
    }

    /// <summary>
    /// Events and figures travel separately, each in its own order: events at once (after a short
    /// window), figures at most a few times a second, the newest of each clause winning.
    /// </summary>
    private (DialogueOutbox Events, DialogueOutbox Consensus) OutboxesOf(Guid dialogueId)
    {
        lock (outboxes)
        {
            if (!outboxes.TryGetValue(dialogueId, out var pair))
                outboxes[dialogueId] = pair = (new DialogueOutbox(() => EventWindow(dialogueId), batch => SendAsync(dialogueId, batch), logger),
                    new DialogueOutbox(() => consensusWindow, batch => SendAsync(dialogueId, batch), logger));
            return pair;
        }
    }

    private TimeSpan EventWindow(Guid dialogueId) =>
        TimeSpan.FromSeconds(Math.Max(eventWindow.TotalSeconds, connections.CountIn(dialogueId) / pushBudgetPerSecond));

    private async Task SendAsync(Guid dialogueId, PushBatch batch)
    {
        foreach (var events in batch.Events)
            await SendEventsAsync(dialogueId, events);
        foreach (var delta in batch.Consensus)
            await SendConsensusAsync(dialogueId, delta);
    }

    private async Task SendEventsAsync(Guid dialogueId, IReadOnlyList<RecordedEventEnvelope> events)
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

    private async Task SendConsensusAsync(Guid dialogueId, ConsensusDelta delta)
    {
        if (connections.DialogueOf(dialogueId) is not { } dialogue)
            return;
        var figures = new StatementConsensus(delta.StatementId, delta.StatementVersion, null, delta.HasConsensus, [.. delta.Clauses]);
        foreach (var role in connections.In(dialogueId).Select(c => c.Role).Distinct())
        {
            var redacted = ConsensusRedaction.ForViewer(figures, dialogue, role);
            await hub.Clients.Group(RoomConnections.Group(dialogueId, role))
                .ConsensusChanged(new ConsensusUpdate(dialogueId, delta.StatementId, delta.StatementVersion, delta.HasConsensus, redacted.Clauses));
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
