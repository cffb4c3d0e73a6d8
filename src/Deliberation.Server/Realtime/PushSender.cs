using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Realtime;
using Deliberation.Server.Hubs;
using Deliberation.Server.Services;
using Deliberation.Server.Visibility;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Sends what the grains published to this node's connections through the hub context: each push
/// rendered once per role by the visibility module and sent to that role's group. Keeps the node's
/// copy of the dialogue current when the roster or the mode changes, since rendering depends on both.
/// </summary>
public sealed class PushSender(IHubContext<DialogueHub, IDialogueClient> hub, PacedFanOut fanOut, NodeConnections connections, DialogueService dialogues, ReleasedFiguresSent releasesSent)
{
    /// <summary>
    /// The batch's events, the release viewers' figures they moved and the live figures, rendered in
    /// that order and then sent role by role, all of a group's messages together (<see cref="RoleMessages"/>).
    /// </summary>
    public async Task SendAsync(Guid dialogueId, PushBatch batch)
    {
        var byRole = new Dictionary<Role, RoleMessages>();
        RoleMessages To(Role role) => byRole.TryGetValue(role, out var messages) ? messages : byRole[role] = new RoleMessages(role);
        foreach (var events in batch.Events)
            await RenderEventsAsync(dialogueId, events, To);
        foreach (var delta in batch.Consensus)
            RenderConsensus(dialogueId, delta, To);
        foreach (var messages in byRole.Values)
            await fanOut.ToRoleAsync(dialogueId, messages);
    }

    public async Task SendPresenceAsync(Presence presence)
    {
        if (connections.DialogueOf(presence.DialogueId) is not { } dialogue)
            return;
        foreach (var (role, view) in PushRendering.Presence(presence, dialogue, connections.In(presence.DialogueId).Select(c => c.Role)))
            await fanOut.ToRoleAsync(presence.DialogueId, role, c => c.PresenceChanged(view));
    }

    /// <summary>
    /// The same to every role present: every member sees every stream's versions (what is hidden
    /// from her still comes as a versioned <c>Hidden</c> entry; docs/security.md).
    /// </summary>
    public async Task SendHeartbeatAsync(Guid dialogueId, ImmutableDictionary<string, long> versions)
    {
        var heartbeat = new RoomHeartbeat(dialogueId, versions);
        foreach (var role in connections.In(dialogueId).Select(c => c.Role).Distinct())
            await fanOut.ToRoleAsync(dialogueId, role, c => c.Heartbeat(heartbeat));
    }

    /// <summary>To everyone in the dialogue but the drafter's own connections.</summary>
    public async Task SendDraftPreviewAsync(DraftPreview preview)
    {
        var local = connections.In(preview.DialogueId);
        var author = local.Where(c => c.ParticipantId == preview.Author).Select(c => c.ConnectionId).ToList();
        var view = ViewsOf.DraftPreview(preview);
        foreach (var role in local.Select(c => c.Role).Distinct())
            await fanOut.ToRoleAsync(preview.DialogueId, role, author, c => c.DraftPreview(view));
    }

    /// <summary>To the recipients' own connections on this node, and to no one else.</summary>
    public async Task SendStaleReminderAsync(StaleReminder reminder)
    {
        var recipients = reminder.Recipients.ToHashSet();
        var targets = connections.In(reminder.DialogueId).Where(c => recipients.Contains(c.ParticipantId)).Select(c => c.ConnectionId).ToList();
        if (targets.Count > 0)
            await hub.Clients.Clients(targets).StaleReminder(
                new StaleReminderView(reminder.DialogueId, reminder.StatementId, reminder.ClauseId, reminder.ClauseNumber, reminder.Revision, reminder.At));
    }

    private async Task RenderEventsAsync(Guid dialogueId, IReadOnlyList<RecordedEventEnvelope> events, Func<Role, RoleMessages> to)
    {
        var rosterOrRules = events.Any(e => e.Event is MemberAdded or MemberUpdated or MemberRemoved or DialogueSettingsChanged or DimensionsDefined or ConsensusRulesChanged);
        if (rosterOrRules)
            await RefreshDialogueAsync(dialogueId);
        foreach (var delivery in PushRendering.Events(events, connections.In(dialogueId), connections.ModeOf(dialogueId)))
        {
            switch (delivery)
            {
                case RoleDelivery toRole:
                    to(toRole.Role).ToAll(c => c.EventsAppended(delivery.StreamId, delivery.Events), toRole.ExceptConnections);
                    break;
                case PersonalDelivery toOne:
                    to(toOne.Role).ToOne(toOne.ConnectionId, c => c.EventsAppended(delivery.StreamId, delivery.Events));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown delivery {delivery.GetType().Name}.");
            }
        }
        if (StreamIds.TryStatementId(events[0].StreamId, out var statementId))
            await RenderReleasedAsync(dialogueId, statementId, events, to);
        else if (rosterOrRules && connections.DialogueOf(dialogueId) is { } dialogue)
        {
            // A new mode may turn a live viewer into a release viewer, and a new roster changes the
            // silent figures of what is not yet released: every clause is sent afresh.
            releasesSent.Forget(dialogueId);
            foreach (var statement in dialogue.Statements)
                await RenderReleasedAsync(dialogueId, statement.Id, [], to);
        }
    }

    /// <summary>
    /// To release viewers: the clauses of a statement whose release or "changes pending" moved beyond
    /// what they hold after the statement's <paramref name="events"/> in this push (a release in them
    /// they build themselves), read from the statement's state (never from the live figures the grain published).
    /// </summary>
    private async Task RenderReleasedAsync(Guid dialogueId, Guid statementId, IReadOnlyList<RecordedEventEnvelope> events, Func<Role, RoleMessages> to)
    {
        if (connections.DialogueOf(dialogueId) is not { } dialogue)
            return;
        var roles = connections.In(dialogueId).Select(c => c.Role).Distinct().Where(r => !ConsensusVisibility.SeesLiveFigures(dialogue, r)).ToList();
        if (roles.Count == 0 || await dialogues.GetStatementStateAsync(statementId) is not { } statement)
            return;
        // Most pushes move no clause's release mark (a position on a clause already "changes pending"):
        // those read the marks and compute no figure. Of the rest, most are a release the events carry,
        // which the screens build from the event, or only flip "changes pending" on the release they
        // hold: those go as a mark at most, never as the release's figures again.
        releasesSent.CarriedBy(dialogueId, statementId, events);
        // With no events (a new roster or mode, every clause sent afresh) nothing waits for an event.
        var movedClauses = releasesSent.Moved(dialogueId, statement, dialogue, events.Count > 0 ? events[^1].Version : long.MaxValue);
        if (movedClauses.Count == 0)
            return;
        // The roster is indexed only when some clause's figures go: a push of marks alone needs none.
        RosterIndex? roster = null;
        var moved = movedClauses.Where(m => !m.SameRelease).Select(m => Disclosure.Released(m.Clause, dialogue, roster ??= RosterIndex.Of(dialogue))).ToList();
        var pending = movedClauses.Where(m => m.SameRelease).Select(m => new PendingMark(m.Clause.Id, !m.Clause.ChangedSinceRelease.IsEmpty)).ToList();
        var released = new StatementConsensus(statement.Id, statement.Version, null, Disclosure.HasReleasedConsensus(statement, dialogue), [.. moved]);
        foreach (var (role, update) in PushRendering.Released(dialogueId, released, moved, pending, dialogue, roles))
            to(role).ToAll(c => c.ConsensusChanged(update));
    }

    private void RenderConsensus(Guid dialogueId, ConsensusDelta delta, Func<Role, RoleMessages> to)
    {
        if (connections.DialogueOf(dialogueId) is not { } dialogue)
            return;
        foreach (var (role, update) in PushRendering.Consensus(dialogueId, delta.AsConsensus(), dialogue, connections.In(dialogueId).Select(c => c.Role)))
            to(role).ToAll(c => c.ConsensusChanged(update));
    }

    private async Task RefreshDialogueAsync(Guid dialogueId)
    {
        if (await dialogues.GetDialogueAsync(dialogueId) is { } dialogue)
            connections.Remember(dialogueId, dialogue);
    }
}
