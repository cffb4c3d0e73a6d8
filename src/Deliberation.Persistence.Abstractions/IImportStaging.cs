namespace Deliberation.Persistence;

/// <summary>
/// Where an import's events wait until the whole dialogue is written (docs/architecture.md, "Imports:
/// a job, staged, made visible in one step"): appended as usual, but under a staging scope
/// (<see cref="StagingScopes"/>) that nothing reads, then moved to the dialogue's scope in one step.
/// </summary>
public interface IImportStaging
{
    /// <summary>
    /// Appends to a stream under <paramref name="stagingScope"/> as <see cref="IEventStore.AppendAsync"/>
    /// would (the version check, fresh salts, the chain), by the cheapest means the database has, and
    /// answers nothing: a staged event's position is read by nobody before the promotion.
    /// </summary>
    Task AppendAsync(string streamId, string stagingScope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves every event of <paramref name="stagingScope"/> to <paramref name="scope"/> in one statement,
    /// so the dialogue appears whole or not at all. Moves nothing and answers false unless exactly
    /// <paramref name="expectedEvents"/> events were staged (some were discarded under the job).
    /// </summary>
    Task<bool> PromoteAsync(string stagingScope, string scope, long expectedEvents, CancellationToken cancellationToken = default);

    /// <summary>Deletes the events of one staging scope, or (null) of every one, with their streams' snapshots; answers how many events went.</summary>
    Task<int> DiscardAsync(string? stagingScope = null, CancellationToken cancellationToken = default);
}
