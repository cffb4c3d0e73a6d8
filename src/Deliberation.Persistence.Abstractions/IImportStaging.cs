namespace Deliberation.Persistence;

/// <summary>
/// Where an import's events wait until the whole dialogue is written (docs/architecture.md, "Imports:
/// a job, staged, made visible in one step"): appended under the dialogue's own scope, which is marked
/// pending first; every read of the store skips a pending scope, and removing the mark makes the
/// dialogue visible in one small step, whatever the number of its events.
/// </summary>
public interface IImportStaging
{
    /// <summary>
    /// Marks <paramref name="scope"/> pending, before the first append to it. Fails when the scope
    /// already holds events: an import only ever writes a new dialogue.
    /// </summary>
    Task BeginAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends to a stream under the pending <paramref name="scope"/> as <see cref="IEventStore.AppendAsync"/>
    /// would (the version check, fresh salts, the chain), by the cheapest means the database has, and
    /// answers nothing: a staged event's position is read by nobody before the promotion. Throws
    /// <see cref="ImportDiscardedException"/> when the scope is no longer pending (discarded under the job).
    /// </summary>
    Task AppendAsync(string streamId, string scope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the snapshot of a stream staged under the pending <paramref name="scope"/>, read from
    /// <paramref name="stateJson"/> (UTF-8 JSON, seekable, read from its position to its end) by the cheapest
    /// means the database has: a statement of millions of positions is never held as one string. Replaces
    /// any snapshot of the stream. Throws <see cref="ImportDiscardedException"/> when the scope is no longer pending.
    /// </summary>
    Task SaveSnapshotAsync(string scope, string streamId, long version, Stream stateJson, DateTimeOffset takenAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes every event of the pending <paramref name="scope"/> visible in one step (its mark removed).
    /// Answers false, and changes nothing, when the scope is no longer pending (discarded under the job).
    /// </summary>
    Task<bool> PromoteAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the events of one pending scope, or (null) of every one, with their streams' snapshots and
    /// the marks; answers how many events went. A scope that is not pending is never touched.
    /// </summary>
    Task<int> DiscardAsync(string? scope = null, CancellationToken cancellationToken = default);
}
