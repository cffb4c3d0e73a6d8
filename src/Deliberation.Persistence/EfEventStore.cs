using System.Security.Cryptography;
using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>
/// The <see cref="IEventStore"/> over EF Core; the same code on every provider, apart from the
/// append lock each provider supplies.
/// </summary>
public sealed class EfEventStore(IDbContextFactory<DeliberationDbContext> contextFactory) : IEventStore
{
    /// <summary>
    /// Runs inside an append's transaction after the version check and before the insert.
    /// Tests use it to hold one writer there while another races it.
    /// </summary>
    internal Func<CancellationToken, Task>? AfterVersionCheck { get; set; }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Visible(db)
            .Where(e => e.StreamId == streamId && e.Version > afterVersion)
            .OrderBy(e => e.Version)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToStoredEvent());
    }

    public async Task<long> StreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        var version = await CurrentVersionAsync(streamId, cancellationToken);
        if (version == 0)
            return 0;
        // Visible as the reads are: a stream an import is still writing has no events yet. Asked of
        // its first event alone, so the index answers it and not a scan of the whole stream.
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Visible(db).AnyAsync(e => e.StreamId == streamId && e.Version == 1, cancellationToken) ? version : 0;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadScopeAsync(string scope, long afterPosition = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Visible(db)
            .Where(e => e.Scope == scope && e.Position > afterPosition)
            .OrderBy(e => e.Position)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToStoredEvent());
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadScopeAsync(string scope, long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Visible(db)
            .Where(e => e.Scope == scope && e.Position > afterPosition)
            .OrderBy(e => e.Position)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToStoredEvent());
    }

    public async Task<IReadOnlyList<WrittenStream>> ListStreamsAfterAsync(long afterPosition, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var heads = await Visible(db)
            .Where(e => e.Position > afterPosition)
            .GroupBy(e => new { e.Scope, e.StreamId })
            .Select(g => new { g.Key.Scope, g.Key.StreamId, LastPosition = g.Max(e => e.Position) })
            .ToListAsync(cancellationToken);
        return [.. heads.Select(h => new WrittenStream(h.Scope, h.StreamId, h.LastPosition)).OrderBy(h => h.LastPosition)];
    }

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.AsNoTracking().MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
    }

    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, string scope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        CheckText(streamId, ColumnLimits.StreamId, nameof(streamId));
        CheckText(scope, ColumnLimits.Scope, nameof(scope));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            CheckText(e.Type, ColumnLimits.EventType, "events.Type");
            CheckText(e.Actor, ColumnLimits.Actor, "events.Actor", allowEmpty: true);
            ArgumentNullException.ThrowIfNull(e.PayloadJson, "events.PayloadJson");
        }
        if (events.Count == 0)
            return [];

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        List<EventRow> rows;
        try
        {
            // SQLite begins this IMMEDIATE, so writers queue here and the version check below
            // decides. On the server databases writers of one scope queue on a lock instead
            // taken by the provider (see IDeliberationDatabaseProvider.LockScopeForAppendAsync);
            // should two writers of one stream still pass the check, the unique index on
            // (StreamId, Version) rejects the later insert (handled below).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DeliberationProvider().LockScopeForAppendAsync(db.Database, scope, cancellationToken);
            var head = await db.Events.AsNoTracking()
                .Where(e => e.StreamId == streamId)
                .OrderByDescending(e => e.Version)
                .Select(e => new { e.Version, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            if ((head?.Version ?? 0) != expectedVersion)
                throw new ConcurrencyConflictException(streamId, expectedVersion);

            if (AfterVersionCheck is { } hook)
                await hook(cancellationToken);

            rows = Chain(streamId, scope, expectedVersion, head?.Hash ?? "", events);
            db.Events.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Every provider words a unique-index violation differently; rather than parse error
            // codes, ask the store whether the stream moved. If it did, that insert lost the race.
            if (await CurrentVersionAsync(streamId, cancellationToken) != expectedVersion)
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            throw;
        }

        return rows.ConvertAll(r => r.ToStoredEvent());
    }

    public async Task<StreamVerification> VerifyChainAsync(string streamId, CancellationToken cancellationToken = default)
    {
        // Checked as the rows stream in: a long stream is never held whole in memory.
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var verifier = new ChainVerifier(streamId);
        var rows = Visible(db)
            .Where(e => e.StreamId == streamId)
            .OrderBy(e => e.Version)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in rows)
            verifier.Add(row.ToStoredEvent());
        return verifier.Finish();
    }

    public async Task<IReadOnlyList<string>> ListStreamsAsync(string? scope = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Visible(db);
        if (scope is not null)
            query = query.Where(e => e.Scope == scope);
        var ids = await query.Select(e => e.StreamId).Distinct().ToListAsync(cancellationToken);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    public async Task<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await VisibleSnapshot(db, streamId).SingleOrDefaultAsync(cancellationToken);
        return row?.ToSnapshot();
    }

    public async Task<SnapshotOf<T>?> LoadSnapshotAsync<T>(string streamId, Func<Stream, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var stored = await db.DeliberationProvider().OpenSnapshotJsonAsync(db.Database, VisibleSnapshot(db, streamId), cancellationToken);
        if (stored is null)
            return null;
        return new SnapshotOf<T>(streamId, stored.Version, await read(stored.Json, cancellationToken), stored.TakenAt);
    }

    /// <summary>
    /// The stream's snapshot unless it is a pending import's: a pending import's statement snapshot is as
    /// invisible as its events, and its stream's first event says whose it is.
    /// </summary>
    private static IQueryable<SnapshotRow> VisibleSnapshot(DeliberationDbContext db, string streamId) =>
        db.Snapshots.AsNoTracking()
            .Where(s => s.StreamId == streamId
                && !db.Events.Any(e => e.StreamId == s.StreamId && e.Version == 1 && db.PendingImports.Any(p => p.Scope == e.Scope)));

    public async Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        CheckText(snapshot.StreamId, ColumnLimits.StreamId, nameof(snapshot.StreamId));
        ArgumentNullException.ThrowIfNull(snapshot.StateJson);

        // Two saves of a stream's first snapshot can both insert; the loser retries as an update.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            // The stored version only: the state it replaces is not needed, and may be large.
            var stored = await StoredSnapshotVersionAsync(db, snapshot.StreamId, cancellationToken);
            if (stored >= snapshot.Version)
                return;
            Stage(db, stored, new SnapshotRow
            {
                StreamId = snapshot.StreamId, Version = snapshot.Version, StateJson = snapshot.StateJson, TakenAt = StoredTime.Normalise(snapshot.TakenAt),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
            }
        }
    }

    public async Task SaveSnapshotAsync(string streamId, long version, Stream stateJson, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        CheckText(streamId, ColumnLimits.StreamId, nameof(streamId));
        ArgumentNullException.ThrowIfNull(stateJson);
        var start = stateJson.Position;
        // As the string overload: two saves of a stream's first snapshot can both insert; the loser retries as an update.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The stored version only: the state it replaces may be hundreds of megabytes, and is not needed.
            var stored = await StoredSnapshotVersionAsync(db, streamId, cancellationToken);
            if (stored >= version)
                return;
            // The row's version and time through EF Core (stored as every other), its state written after it by the provider.
            Stage(db, stored, new SnapshotRow { StreamId = streamId, Version = version, StateJson = "", TakenAt = StoredTime.Normalise(takenAt) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stateJson.Position = start;
                await db.DeliberationProvider().WriteSnapshotJsonAsync(db.Database, streamId, stateJson, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
            }
        }
    }

    private static Task<long?> StoredSnapshotVersionAsync(DeliberationDbContext db, string streamId, CancellationToken cancellationToken) =>
        db.Snapshots.Where(s => s.StreamId == streamId).Select(s => (long?)s.Version).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A stream's snapshot row, added if it has none (<paramref name="stored"/> null), else replacing it whole.</summary>
    private static void Stage(DeliberationDbContext db, long? stored, SnapshotRow row)
    {
        if (stored is null)
            db.Snapshots.Add(row);
        else
            db.Snapshots.Attach(row).State = EntityState.Modified;
    }

    /// <summary>
    /// The events every reader may see: none of a scope an import is still writing (docs/architecture.md,
    /// "Imports"). In the same statement as the read, so a read never sees part of an import.
    /// </summary>
    private static IQueryable<EventRow> Visible(DeliberationDbContext db) =>
        db.Events.AsNoTracking().Where(e => !db.PendingImports.Any(p => p.Scope == e.Scope));

    internal static List<EventRow> Chain(string streamId, string scope, long expectedVersion, string previousHash, IReadOnlyList<EventToAppend> events)
    {
        // Raw bytes throughout (an import appends tens of thousands of events in one batch);
        // EventHash.LeafBytes and LinkBytes are the definition, the hex is only how rows store it.
        var rows = new List<EventRow>(events.Count);
        // Every salt of the batch from one draw of the system's random source: an import's batch of
        // thousands made one system call per event before (docs/performance.md, "Imports of any size").
        var salts = new byte[EventHash.Size * events.Count];
        RandomNumberGenerator.Fill(salts);
        Span<byte> leaf = stackalloc byte[EventHash.Size];
        Span<byte> previous = stackalloc byte[EventHash.Size];
        var hasPrevious = previousHash.Length > 0;
        if (hasPrevious && !EventHash.TryReadHex(previousHash, previous))
            throw new InvalidOperationException($"The head hash of stream '{streamId}' is not 64 lowercase hex characters.");
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var version = expectedVersion + 1 + i;
            var occurredAt = StoredTime.Normalise(e.OccurredAt);
            var salt = salts.AsSpan(i * EventHash.Size, EventHash.Size);
            EventHash.LeafBytes(salt, streamId, version, e.Type, occurredAt, e.Actor, e.PayloadJson, leaf);
            EventHash.LinkBytes(hasPrevious ? previous : default, leaf, previous);
            hasPrevious = true;
            rows.Add(new EventRow
            {
                StreamId = streamId,
                Scope = scope,
                Version = version,
                Type = e.Type,
                PayloadJson = e.PayloadJson,
                OccurredAt = occurredAt,
                Actor = e.Actor,
                Hash = Convert.ToHexStringLower(previous),
                Salt = Convert.ToHexStringLower(salt),
                Leaf = Convert.ToHexStringLower(leaf),
            });
        }
        return rows;
    }

    /// <summary>The last version stored, an import's invisible events included: what an append must follow.</summary>
    private async Task<long> CurrentVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Where(e => e.StreamId == streamId).MaxAsync(e => (long?)e.Version, cancellationToken) ?? 0;
    }

    private static void CheckText(string value, int maxLength, string name, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (!allowEmpty && value.Length == 0)
            throw new ArgumentException("Must not be empty.", name);
        if (value.Length > maxLength)
            throw new ArgumentException($"Must be at most {maxLength} characters.", name);
    }
}
