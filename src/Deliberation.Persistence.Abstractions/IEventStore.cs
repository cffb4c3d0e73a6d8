namespace Deliberation.Persistence;

/// <summary>
/// The append-only store of every stream's events. An append succeeds only when the
/// stream is still at <c>expectedVersion</c>; it is durable when the returned task completes.
/// </summary>
public interface IEventStore
{
    /// <summary>Events of one stream with a version above <paramref name="afterVersion"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>The version of a stream's last stored event; 0 for a stream with none. Reads no event.</summary>
    Task<long> StreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Events of every stream in one scope (a dialogue) with a position above <paramref name="afterPosition"/>, in position order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadScopeAsync(string scope, long afterPosition = 0, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="ReadScopeAsync(string, long, CancellationToken)"/>, at most the first <paramref name="limit"/> of them: a long history read in pages.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadScopeAsync(string scope, long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The streams with events at a position above <paramref name="afterPosition"/>, each with its scope and
    /// last position: what was written since, for whoever follows the store (the review's trace follower).
    /// </summary>
    Task<IReadOnlyList<WrittenStream>> ListStreamsAfterAsync(long afterPosition, CancellationToken cancellationToken = default);

    /// <summary>The position of the last event stored in any scope; 0 in an empty store.</summary>
    Task<long> LastPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events as versions expectedVersion+1, +2, … in one transaction, giving each a fresh
    /// salt and chaining leaf and hash as <see cref="EventHash"/> defines.
    /// Throws <see cref="ConcurrencyConflictException"/> when another writer got there first.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, string scope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default);

    /// <summary>Recomputes a stream's whole chain from what is stored and names the first break, if any (<see cref="ChainVerifier"/>).</summary>
    Task<StreamVerification> VerifyChainAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the streams holding events, of one scope or (null) of every scope, ordered.</summary>
    Task<IReadOnlyList<string>> ListStreamsAsync(string? scope = null, CancellationToken cancellationToken = default);

    Task<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="LoadSnapshotAsync(string, CancellationToken)"/>, the state handed to <paramref name="read"/> as the
    /// UTF-8 JSON it is stored as: a state of hundreds of megabytes (an imported statement, its review trace) is
    /// never one string in memory (on SQLite it is read from the row by incremental I/O as it is parsed). Null
    /// when the stream has no snapshot anyone may see.
    /// </summary>
    Task<SnapshotOf<T>?> LoadSnapshotAsync<T>(string streamId, Func<Stream, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken = default);

    /// <summary>Keeps the newest snapshot of a stream; an older one than what is stored is ignored.</summary>
    Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="SaveSnapshotAsync(Snapshot, CancellationToken)"/>, the state read from a stream of UTF-8 JSON
    /// from its position on: a state of hundreds of megabytes (the review trace of an imported conversation) is
    /// never one string in memory (on SQLite it is written by incremental I/O).
    /// </summary>
    Task SaveSnapshotAsync(string streamId, long version, Stream stateJson, DateTimeOffset takenAt, CancellationToken cancellationToken = default);
}
