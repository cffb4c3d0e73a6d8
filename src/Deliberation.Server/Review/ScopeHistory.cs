using Deliberation.Domain;
using Deliberation.Domain.Review;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;

namespace Deliberation.Server.Review;

/// <summary>
/// One dialogue's stored events decoded once and held with checkpoints (<see cref="ScopeReplay"/>),
/// and each reviewed statement's <see cref="ReviewTrace"/>, both followed as new events are stored
/// (docs/architecture.md, "Review"). One caller at a time works on it (<see cref="UseAsync{T}"/>).
/// </summary>
public sealed class ScopeHistory(Guid dialogueId, int checkpointEvery)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Guid, ReviewTrace> traces = [];
    private readonly Dictionary<string, long> versions = [];
    private ScopeReplay replay = new(dialogueId, checkpointEvery);
    private DateTimeOffset latest = DateTimeOffset.MinValue;

    public Guid DialogueId => dialogueId;

    /// <summary>
    /// Whether the events' times never go back along the positions, so "up to a time" is a prefix of
    /// the scope; false when two commits crossed, and then a time is answered by filtering every event.
    /// </summary>
    public bool TimesInOrder { get; private set; } = true;

    /// <summary>Reads what was stored since the last call, then runs <paramref name="work"/> alone.</summary>
    public async Task<T> UseAsync<T>(IEventStore store, Func<ReviewScope, T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(store, cancellationToken);
            return work(new ReviewScope(replay, Trace, TimesInOrder));
        }
        finally
        {
            gate.Release();
        }
    }

    private ReviewTrace Trace(Guid statementId)
    {
        if (!traces.TryGetValue(statementId, out var trace))
            traces[statementId] = trace = new ReviewTrace(dialogueId, statementId, replay.Offer);
        if (trace.Read < replay.Count)
            trace.Advance(replay.Range(trace.Read, replay.Count), trace.Read);
        return trace;
    }

    private async Task CatchUpAsync(IEventStore store, CancellationToken cancellationToken)
    {
        var stored = await store.ReadScopeAsync(StreamIds.Scope(dialogueId), replay.LastPosition, cancellationToken);
        if (stored.Count == 0)
            return;
        // Positions are handed out when a row is inserted, not when its transaction commits, so an event
        // can appear after one with a later position was read. A stream version that skips says so: then
        // everything is read again rather than a review missing an event for good.
        if (!Contiguous(stored))
        {
            Reset();
            stored = await store.ReadScopeAsync(StreamIds.Scope(dialogueId), 0, cancellationToken);
        }
        var decoded = new List<ScopeEvent>(stored.Count);
        foreach (var e in stored)
        {
            versions[e.StreamId] = e.Version;
            TimesInOrder &= e.OccurredAt >= latest;
            if (e.OccurredAt > latest)
                latest = e.OccurredAt;
            var recorded = RecordedEvent.Decode(e);
            decoded.Add(new ScopeEvent(e.Position, StreamIds.TryStatementId(e.StreamId, out var statementId) ? statementId : null, recorded.Event, recorded.Meta));
        }
        replay.Append(decoded);
    }

    private bool Contiguous(IReadOnlyList<StoredEvent> batch)
    {
        var next = new Dictionary<string, long>();
        foreach (var e in batch)
        {
            var expected = next.TryGetValue(e.StreamId, out var n) ? n : versions.GetValueOrDefault(e.StreamId) + 1;
            if (e.Version != expected)
                return false;
            next[e.StreamId] = e.Version + 1;
        }
        return true;
    }

    private void Reset()
    {
        replay = new ScopeReplay(dialogueId, replay.CheckpointEvery);
        traces.Clear();
        versions.Clear();
        latest = DateTimeOffset.MinValue;
        TimesInOrder = true;
    }
}
