using Deliberation.Domain.Consensus;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Realtime;
using Orleans.Concurrency;

namespace Deliberation.Server.Realtime;

/// <summary>
/// This node's observer of the dialogue grains (GPSTracker's pattern): events and consensus go to
/// the dialogue's outboxes, to be batched over a window; presence at most once a window
/// (<see cref="PresencePushes"/>); draft previews go out at once. Every node with clients in a dialogue subscribes, so an action on one node reaches
/// clients on all.
/// </summary>
public sealed class NodeObserver(IGrainFactory grains, NodeConnections connections, OutboxRegistry outboxes, PushSender pushes, PresencePushes presencePushes, SessionEnforcer sessions)
    : IDialogueObserver
{
    private readonly Lock referenceGate = new();
    private IDialogueObserver? reference;

    /// <summary>
    /// This object as a grain observer; created once, kept for the node's lifetime. Joins arrive
    /// concurrently, and two references made by a race would both be subscribed: every push would
    /// reach the room twice until the orphan expired. The lock makes exactly one.
    /// </summary>
    public IDialogueObserver Reference
    {
        get
        {
            lock (referenceGate)
                return reference ??= grains.CreateObjectReference<IDialogueObserver>(this);
        }
    }

    public Task SubscribeAsync(Guid dialogueId) => grains.GetGrain<IDialogueGrain>(dialogueId).SubscribeAsync(Reference);

    // A node whose clients have all left may still be subscribed for a while: it has nobody to push to.
    // A removal, revocation or role change takes effect on the connections before these events
    // are posted, so nothing from here on reaches a connection under its old role.
    public async Task EventsAppendedAsync(Guid dialogueId, Immutable<IReadOnlyList<RecordedEventEnvelope>> events)
    {
        if (events.Value.Count == 0 || connections.CountIn(dialogueId) == 0)
            return;
        if (SessionEnforcer.Concerns(events.Value))
            await sessions.EnforceAsync(dialogueId);
        outboxes.Post(dialogueId, events.Value);
    }

    public Task ConsensusChangedAsync(Guid dialogueId, Guid statementId, long statementVersion, Immutable<IReadOnlyList<ClauseConsensus>> clauses, bool hasConsensus)
    {
        if (connections.CountIn(dialogueId) > 0)
            outboxes.Post(dialogueId, new ConsensusDelta(statementId, statementVersion, clauses.Value, hasConsensus));
        return Task.CompletedTask;
    }

    public Task PresenceChangedAsync(Presence presence)
    {
        presencePushes.Post(presence);
        return Task.CompletedTask;
    }

    public Task DraftPreviewAsync(DraftPreview preview) => pushes.SendDraftPreviewAsync(preview);

    public Task StaleReminderAsync(StaleReminder reminder) => pushes.SendStaleReminderAsync(reminder);
}
