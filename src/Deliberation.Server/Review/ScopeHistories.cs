using Deliberation.Domain.Review;
using Deliberation.Persistence;
using Microsoft.Extensions.Caching.Memory;

namespace Deliberation.Server.Review;

/// <summary>
/// The dialogues' histories held in memory for review and <c>consensus?at=</c>: built on the first
/// question, followed incrementally after, dropped when nobody asked for a while
/// (<c>Review:KeepFor</c>, 10 minutes; docs/operations.md). A cache: losing it costs one read.
/// </summary>
public sealed class ScopeHistories(IEventStore store, IMemoryCache cache, IConfiguration configuration, ILogger<ScopeHistory> logger)
{
    private readonly TimeSpan keepFor = configuration.GetValue("Review:KeepFor", TimeSpan.FromMinutes(10));
    private readonly int checkpointEvery = configuration.GetValue("Review:CheckpointEvery", ScopeReplay.DefaultCheckpointEvery);
    private readonly int saveTraceEvery = configuration.GetValue("Review:SaveTraceEvery", ScopeHistory.DefaultSaveTraceEvery);
    private readonly int tracePartSize = configuration.GetValue("Review:TracePartSize", ReviewTracePart.DefaultSize);
    private readonly int followBatch = configuration.GetValue("Review:FollowBatch", DefaultFollowBatch);

    /// <summary>
    /// How many events the trace follower reads at a time: enough to make a page worth its query, few enough that a
    /// question waits little, and that a page is gone before the collector promotes it — a page of 10,000 decoded
    /// events outlived the collections during its pass and kept the server 0.1–0.3 GB larger through the pass after
    /// a 2,013,000-vote import (docs/performance.md, "Session 17: the review trace's pass takes positions in place").
    /// </summary>
    public const int DefaultFollowBatch = 1_000;

    /// <summary>Runs <paramref name="work"/> on the dialogue's history, caught up with the store.</summary>
    public Task<T> UseAsync<T>(Guid dialogueId, Func<ReviewScope, T> work, CancellationToken cancellationToken = default) =>
        History(dialogueId).UseAsync(store, work, cancellationToken);

    /// <summary>
    /// As <see cref="UseAsync{T}"/>, for work that reads the trace of <paramref name="statementId"/>:
    /// a stored trace is loaded rather than a pass made over the whole history, and stored again as it grows.
    /// </summary>
    public Task<T> UseTraceAsync<T>(Guid dialogueId, Guid statementId, Func<ReviewScope, T> work, CancellationToken cancellationToken = default) =>
        History(dialogueId).UseAsync(store, work, cancellationToken, statementId);

    /// <summary>Runs <paramref name="work"/> on the statement's trace, reading the whole history only where a stored trace cannot stand in for it.</summary>
    public Task<T> UseTraceAloneAsync<T>(Guid dialogueId, Guid statementId, Func<ReviewTrace, T> work, CancellationToken cancellationToken = default) =>
        History(dialogueId).UseTraceAloneAsync(store, statementId, work, cancellationToken);

    /// <summary>
    /// Makes the statement's trace and stores it, whatever its size: an import's job does this once it
    /// is done, so even the first review of an imported dialogue reads a stored trace, not the history.
    /// It pages through the store as the follower does, holding a page of decoded events at a time, not
    /// the decoded history (6.2 GB at 2,013,000 votes when it did; docs/performance.md, "Session 14: over
    /// HTTP again, after the review trace went into parts"), and stores the trace once, at the end.
    /// </summary>
    public Task StoreTraceAsync(Guid dialogueId, Guid statementId, CancellationToken cancellationToken = default) =>
        History(dialogueId).FollowAsync(store, statementId, followBatch, cancellationToken, storeOnceAtTheEnd: true);

    /// <summary>
    /// Extends the statement's trace with the events stored since it last read, storing it every
    /// <c>Review:SaveTraceEvery</c> events (<see cref="ReviewTraceFollower"/>): the room goes on without it,
    /// and the first question about the statement, even after a start, reads a stored trace and a short tail.
    /// </summary>
    public Task FollowAsync(Guid dialogueId, Guid statementId, CancellationToken cancellationToken = default) =>
        History(dialogueId).FollowAsync(store, statementId, followBatch, cancellationToken);

    private ScopeHistory History(Guid dialogueId) => cache.GetOrCreate(("review", dialogueId), entry =>
    {
        entry.SlidingExpiration = keepFor;
        return new ScopeHistory(dialogueId, checkpointEvery, saveTraceEvery, logger, tracePartSize);
    })!;
}
