using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Grains.Realtime;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Deliberation.Grains.Realtime;

/// <summary>
/// The live side of a dialogue, kept by its grain in memory: the nodes listening (observers that
/// expire unless renewed within <paramref name="expiry"/>) and who is present on each node. Nothing
/// here is stored: a reactivated grain starts empty and the nodes fill it again at their next
/// heartbeat (<see cref="EnsureSubscribed"/>) or renewal.
/// </summary>
internal sealed class DialogueRoom(Guid dialogueId, TimeSpan expiry, TimeProvider time, ILogger logger)
{
    private readonly ObserverManager<IDialogueObserver> observers = new(expiry, logger);
    private readonly Dictionary<string, (DateTimeOffset ReportedAt, ImmutableArray<PresentMember> Members)> presenceByNode = [];

    public void Subscribe(IDialogueObserver observer) => observers.Subscribe(observer, observer);

    public void Unsubscribe(IDialogueObserver observer) => observers.Unsubscribe(observer);

    /// <summary>
    /// Subscribes the observer if the room does not hold it unexpired; true if it did. A held one
    /// is left as it is, not renewed: only renewals keep a subscription alive, so a node that
    /// stops renewing still lapses (docs/architecture.md, "Live fan-out").
    /// </summary>
    public bool EnsureSubscribed(IDialogueObserver observer)
    {
        // Expired observers are otherwise only dropped lazily, by the next notification.
        observers.ClearExpired();
        if (observers.Observers.ContainsKey(observer))
            return true;
        observers.Subscribe(observer, observer);
        return false;
    }

    public void Publish(IReadOnlyList<RecordedEventEnvelope> events)
    {
        if (events.Count > 0)
            observers.Notify(o => o.EventsAppendedAsync(dialogueId, new(events)));
    }

    public void PublishConsensus(Guid statementId, long version, IReadOnlyList<ClauseConsensus> clauses, bool hasConsensus)
    {
        if (clauses.Count > 0)
            observers.Notify(o => o.ConsensusChangedAsync(dialogueId, statementId, version, new(clauses), hasConsensus));
    }

    public void PublishDraft(DraftPreview preview) => observers.Notify(o => o.DraftPreviewAsync(preview));

    public void PublishReminder(StaleReminder reminder) => observers.Notify(o => o.StaleReminderAsync(reminder));

    /// <summary>A node's full list of who is connected through it; the room merges all nodes'.</summary>
    public void ReportPresence(string node, ImmutableArray<PresentMember> members)
    {
        var before = Current();
        presenceByNode[node] = (time.GetUtcNow(), members);
        var after = Current();
        if (!before.Members.SequenceEqual(after.Members))
            observers.Notify(o => o.PresenceChangedAsync(after));
    }

    /// <summary>The presence reported through nodes that died: their people are gone now, not when the reports expire.</summary>
    public void ForgetNodes(IReadOnlyCollection<string> nodes)
    {
        var before = Current();
        foreach (var node in nodes)
            presenceByNode.Remove(node);
        var after = Current();
        if (!before.Members.SequenceEqual(after.Members))
            observers.Notify(o => o.PresenceChangedAsync(after));
    }

    public Presence Current()
    {
        var cutoff = time.GetUtcNow() - expiry;
        foreach (var stale in presenceByNode.Where(p => p.Value.ReportedAt < cutoff).Select(p => p.Key).ToList())
            presenceByNode.Remove(stale);
        var merged = presenceByNode.Values.SelectMany(p => p.Members)
            .GroupBy(m => m.ParticipantId)
            .Select(g => new PresentMember(g.Key, g.Sum(m => m.Connections)))
            .Where(m => m.Connections > 0)
            .OrderBy(m => m.ParticipantId)
            .ToImmutableArray();
        return new Presence(dialogueId, merged);
    }
}
