using Deliberation.Domain;
using Deliberation.Domain.Review;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;

namespace Deliberation.Server.Review;

/// <summary>
/// One dialogue's stored events decoded once and held with checkpoints (<see cref="ScopeReplay"/>),
/// and each reviewed statement's <see cref="ReviewTrace"/>, both followed as new events are stored
/// (docs/architecture.md, "Review"). One caller at a time works on it (<see cref="UseAsync{T}"/>).
/// A trace is stored (<see cref="ReviewTraceSnapshot"/>) whenever it has read <paramref name="saveTraceEvery"/>
/// events since it was last loaded or stored, and loaded before its first pass, so that after a start
/// the first timeline reads the stored trace and only the events since, not the whole history.
/// </summary>
public sealed class ScopeHistory(Guid dialogueId, int checkpointEvery, int saveTraceEvery = ScopeHistory.DefaultSaveTraceEvery, ILogger? logger = null,
    int tracePartSize = ReviewTracePart.DefaultSize)
{
    public const int DefaultSaveTraceEvery = 1000;

    private readonly ReviewTraceStore traceStore = new();

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Guid, ReviewTrace> traces = [];
    // How far each trace had read when it was last loaded or stored.
    private readonly Dictionary<Guid, int> stored = [];
    // Statements an import's pass is tracing, to store once at its end (FollowAsync's storeOnceAtTheEnd).
    private readonly Dictionary<Guid, int> storingAtTheEnd = [];
    private readonly Dictionary<string, long> versions = [];
    private ScopeReplay replay = new(dialogueId, checkpointEvery);
    private DateTimeOffset latest = DateTimeOffset.MinValue;

    public Guid DialogueId => dialogueId;

    /// <summary>
    /// Whether the events' times never go back along the positions, so "up to a time" is a prefix of
    /// the scope; false when two commits crossed, and then a time is answered by filtering every event.
    /// </summary>
    public bool TimesInOrder { get; private set; } = true;

    /// <summary>
    /// Reads what was stored since the last call, then runs <paramref name="work"/> alone. With
    /// <paramref name="statementId"/>, the work reads that statement's trace: it is loaded from the
    /// store first if this history has none yet, and stored after if it has read enough since.
    /// </summary>
    public async Task<T> UseAsync<T>(IEventStore store, Func<ReviewScope, T> work, CancellationToken cancellationToken, Guid? statementId = null)
    {
        ReviewTraceSnapshot? toStore = null;
        T answer;
        await gate.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(store, cancellationToken);
            if (statementId is { } id && !traces.ContainsKey(id))
                await LoadTraceAsync(store, id, cancellationToken);
            answer = work(new ReviewScope(replay, Trace, TimesInOrder));
            if (statementId is { } read && traces.TryGetValue(read, out var trace))
                toStore = DueForStore(read, trace);
        }
        finally
        {
            gate.Release();
        }
        // Outside the gate: the snapshot is immutable, and the next question need not wait for the write.
        // Not cancelled with the question: the trace counts as stored already, and a caller gone away
        // must not leave the next start with a trace a thousand events older.
        if (toStore is not null)
            await SaveTraceAsync(store, toStore, CancellationToken.None);
        return answer;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the statement's trace caught up with the store, without reading
    /// the whole history when it need not (the timeline, docs/architecture.md "Review"): while no
    /// question has read the history, a stored trace is loaded and only the events after it are read
    /// and decoded. Anything that does not fit (no stored trace, a late commit) takes the full way.
    /// </summary>
    public async Task<T> UseTraceAloneAsync<T>(IEventStore store, Guid statementId, Func<ReviewTrace, T> work, CancellationToken cancellationToken)
    {
        ReviewTraceSnapshot? toStore = null;
        T answer;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var trace = replay.Count == 0 ? await AloneAsync(store, statementId, cancellationToken) : null;
            if (trace is null)
            {
                await CatchUpAsync(store, cancellationToken);
                if (!traces.ContainsKey(statementId))
                    await LoadTraceAsync(store, statementId, cancellationToken);
                trace = Trace(statementId);
            }
            answer = work(trace);
            toStore = DueForStore(statementId, trace);
        }
        finally
        {
            gate.Release();
        }
        if (toStore is not null)
            await SaveTraceAsync(store, toStore, CancellationToken.None);
        return answer;
    }

    /// <summary>
    /// Extends the statement's trace with what was stored since it last read, and stores it whenever it has
    /// read enough since (the trace follower, docs/architecture.md "Review"), so that no question after a
    /// start reads more than the events of one save interval. While no question has read the history here,
    /// the trace reads the store in pages of <paramref name="batch"/> events, the gate released between
    /// them so a question waits for one page at most; with no stored trace it starts from the first event.
    /// </summary>
    /// <param name="storeOnceAtTheEnd">
    /// Store the trace once, when the last page is read, whatever it read since it was last stored (an import's
    /// job, which has just written the whole history): its head carries the statement's state, which an
    /// import of 33,000 participants makes hundreds of megabytes, too much to write every save interval.
    /// Meanwhile the follower and questions read on with this trace but do not store it.
    /// </param>
    public async Task FollowAsync(IEventStore store, Guid statementId, int batch, CancellationToken cancellationToken, bool storeOnceAtTheEnd = false)
    {
        if (storeOnceAtTheEnd)
            lock (storingAtTheEnd)
                storingAtTheEnd[statementId] = storingAtTheEnd.GetValueOrDefault(statementId) + 1;
        try
        {
            await FollowPagesAsync(store, statementId, batch, storeOnceAtTheEnd, cancellationToken);
        }
        finally
        {
            if (storeOnceAtTheEnd)
                lock (storingAtTheEnd)
                    if (--storingAtTheEnd[statementId] == 0)
                        storingAtTheEnd.Remove(statementId);
        }
    }

    private async Task FollowPagesAsync(IEventStore store, Guid statementId, int batch, bool storeOnceAtTheEnd, CancellationToken cancellationToken)
    {
        for (var more = true; more;)
        {
            ReviewTraceSnapshot? toStore;
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (replay.Count > 0)
                {
                    // A question has read the whole history on this node: the trace goes on from it, as a question's would.
                    await CatchUpAsync(store, cancellationToken);
                    if (!traces.ContainsKey(statementId))
                        await LoadTraceAsync(store, statementId, cancellationToken);
                    toStore = DueForStore(statementId, Trace(statementId), anyway: storeOnceAtTheEnd);
                    more = false;
                }
                else
                {
                    (toStore, more) = await FollowPageAsync(store, statementId, batch, storeOnceAtTheEnd, cancellationToken);
                }
            }
            finally
            {
                gate.Release();
            }
            if (toStore is not null)
                await SaveTraceAsync(store, toStore, CancellationToken.None);
        }
    }

    private async Task<(ReviewTraceSnapshot? ToStore, bool More)> FollowPageAsync(IEventStore store, Guid statementId, int batch, bool storeOnceAtTheEnd, CancellationToken cancellationToken)
    {
        if (!traces.TryGetValue(statementId, out var trace))
        {
            var snapshot = await ReadStoredTraceAsync(store, statementId, cancellationToken);
            traces[statementId] = trace = snapshot is null ? new ReviewTrace(dialogueId, statementId, replay.Offer, tracePartSize) : ReviewTrace.Restore(snapshot, replay.Offer);
            stored[statementId] = snapshot?.Read ?? 0;
        }
        var page = await store.ReadScopeAsync(StreamIds.Scope(dialogueId), trace.LastPosition, batch, cancellationToken);
        if (!GoesOn(trace, page))
        {
            // A late commit behind what the trace read (or a stored trace that no longer fits): read again from
            // the first event. What is stored stays until the new trace passes its position (the store keeps the later).
            logger?.LogDebug("The review trace of statement {Statement} does not go on at event {Read} (position {Position}); tracing from the first event",
                statementId, trace.Read, trace.LastPosition);
            traces[statementId] = trace = new ReviewTrace(dialogueId, statementId, replay.Offer, tracePartSize);
            stored[statementId] = 0;
            page = await store.ReadScopeAsync(StreamIds.Scope(dialogueId), 0, batch, cancellationToken);
        }
        trace.Advance([.. page.Select(Decode)], trace.Read);
        var more = page.Count == batch;
        logger?.LogTrace("The review trace of statement {Statement} read to event {Read}", statementId, trace.Read);
        if (storeOnceAtTheEnd)
            return (more ? null : DueForStore(statementId, trace, anyway: true), more);
        return (DueForStore(statementId, trace), more);
    }

    /// <summary>Whether each stream of <paramref name="tail"/> goes on at the version after the last one the trace read.</summary>
    private static bool GoesOn(ReviewTrace trace, IReadOnlyList<StoredEvent> tail)
    {
        var next = new Dictionary<string, long>();
        foreach (var e in tail)
        {
            var expected = next.TryGetValue(e.StreamId, out var n) ? n
                : trace.VersionOf(StreamIds.TryStatementId(e.StreamId, out var id) ? id : null) + 1;
            if (e.Version != expected)
                return false;
            next[e.StreamId] = e.Version + 1;
        }
        return true;
    }

    /// <summary>The trace followed from its stored snapshot by the events after it; null when that cannot be trusted.</summary>
    private async Task<ReviewTrace?> AloneAsync(IEventStore store, Guid statementId, CancellationToken cancellationToken)
    {
        if (!traces.TryGetValue(statementId, out var trace))
        {
            if (await ReadStoredTraceAsync(store, statementId, cancellationToken) is not { } snapshot)
                return null;
            traces[statementId] = trace = ReviewTrace.Restore(snapshot, replay.Offer);
            stored[statementId] = snapshot.Read;
        }
        var tail = await store.ReadScopeAsync(StreamIds.Scope(dialogueId), trace.LastPosition, cancellationToken);
        // Each stream must go on at the version after the last the trace read: one that skips means an
        // event committed late, behind what the trace read, and only the full way sees it.
        if (!GoesOn(trace, tail))
        {
            traces.Remove(statementId);
            stored.Remove(statementId);
            return null;
        }
        trace.Advance([.. tail.Select(Decode)], trace.Read);
        return trace;
    }

    private async Task LoadTraceAsync(IEventStore store, Guid statementId, CancellationToken cancellationToken)
    {
        // It fits only if the event it read last is still the one at its place: a late commit
        // before it, or a history imported again, leaves it behind, and a pass starts afresh.
        if (await ReadStoredTraceAsync(store, statementId, cancellationToken) is not { } snapshot
            || snapshot.Read > replay.Count || replay.IndexOf(snapshot.LastPosition) != snapshot.Read - 1)
            return;
        traces[statementId] = ReviewTrace.Restore(snapshot, replay.Offer);
        stored[statementId] = snapshot.Read;
    }

    private async Task<ReviewTraceSnapshot?> ReadStoredTraceAsync(IEventStore store, Guid statementId, CancellationToken cancellationToken)
    {
        try
        {
            if (await traceStore.LoadAsync(store, statementId, cancellationToken) is not { } snapshot)
                return null;
            return snapshot.DialogueId == dialogueId && snapshot.StatementId == statementId && snapshot.Read > 0 ? snapshot : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            // A cache: one that no longer reads (an older shape) costs a pass, not an answer.
            logger?.LogWarning(e, "Stored review trace of statement {Statement} no longer reads; tracing from the start", statementId);
            return null;
        }
    }

    private ReviewTraceSnapshot? DueForStore(Guid statementId, ReviewTrace trace, bool anyway = false)
    {
        var since = trace.Read - stored.GetValueOrDefault(statementId);
        if (since < saveTraceEvery && !(anyway && since > 0))
            return null;
        // While an import's pass traces the statement, the follower and questions read on with it but leave the
        // storing to its end: each store writes the head, the statement's state, hundreds of megabytes after an
        // import of 2,000,000 votes, and every thousand events that made the pass minutes long and the server's
        // memory gigabytes (docs/performance.md, "Session 15: the snapshot SQLite spelled out").
        if (!anyway)
            lock (storingAtTheEnd)
                if (storingAtTheEnd.ContainsKey(statementId))
                    return null;
        stored[statementId] = trace.Read;
        return trace.Snapshot();
    }

    private async Task SaveTraceAsync(IEventStore store, ReviewTraceSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            // In parts: what was stored before is not written again (docs/performance.md, "The review trace in parts").
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await traceStore.SaveAsync(store, snapshot, cancellationToken);
            logger?.LogDebug("Stored the review trace of statement {Statement} at event {Read} in {Elapsed:F2} s",
                snapshot.StatementId, snapshot.Read, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer is given; a trace not stored only makes the first question after a start slower.
            logger?.LogWarning(e, "Could not store the review trace of statement {Statement}", snapshot.StatementId);
        }
    }

    private ReviewTrace Trace(Guid statementId)
    {
        // A trace that followed the store alone (UseTraceAloneAsync) fits the replay read since only if
        // the event it read last is at its place; else a late commit came before it, and it starts afresh.
        if (!traces.TryGetValue(statementId, out var trace) || trace.Read > replay.Count
            || (trace.Read > 0 && replay.IndexOf(trace.LastPosition) != trace.Read - 1))
        {
            traces[statementId] = trace = new ReviewTrace(dialogueId, statementId, replay.Offer, tracePartSize);
            stored.Remove(statementId);
        }
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
            decoded.Add(Decode(e));
        }
        replay.Append(decoded);
    }

    private static ScopeEvent Decode(StoredEvent e)
    {
        var recorded = RecordedEvent.Decode(e);
        return new ScopeEvent(e.Position, StreamIds.TryStatementId(e.StreamId, out var statementId) ? statementId : null, recorded.Event, recorded.Meta);
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
        stored.Clear();
        versions.Clear();
        latest = DateTimeOffset.MinValue;
        TimesInOrder = true;
    }
}
