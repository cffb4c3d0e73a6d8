using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>
/// The <see cref="IImportStaging"/> over EF Core. The commit deletes one row, so it is as short on a
/// dialogue of 2,000,000 events as on one of ten, and holds no database's write lock for longer than that
/// (docs/performance.md, "Imports of any size").
/// </summary>
public sealed class EfImportStaging(IDbContextFactory<DeliberationDbContext> contextFactory, TimeProvider? time = null) : IImportStaging
{
    // The domain's names (StreamIds.Statement, ReviewTraceSnapshot.KeyOf), which this project does not reference.
    private const string StatementStreamPrefix = "statement-";
    private const string ReviewTracePrefix = "review-trace-";

    public async Task BeginAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Events.AnyAsync(e => e.Scope == scope, cancellationToken))
            throw new InvalidOperationException($"Scope '{scope}' already holds events; an import writes only a new dialogue.");
        db.PendingImports.Add(new PendingImportRow { Scope = scope, StartedAt = (time ?? TimeProvider.System).GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task AppendAsync(string streamId, string scope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
            return;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.DeliberationProvider().RelaxDurabilityForStagingAsync(db.Database, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.DeliberationProvider().LockScopeForAppendAsync(db.Database, scope, cancellationToken);
        // Checked inside the append's transaction: rows appended after a discard would be visible at once.
        if (!await db.PendingImports.AnyAsync(p => p.Scope == scope, cancellationToken))
            throw new ImportDiscardedException(scope);
        var head = await db.Events.AsNoTracking()
            .Where(e => e.StreamId == streamId)
            .OrderByDescending(e => e.Version)
            .Select(e => new { e.Version, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if ((head?.Version ?? 0) != expectedVersion)
            throw new ConcurrencyConflictException(streamId, expectedVersion);
        // Chained exactly as an ordinary append chains (fresh salts, the same hashes), so the history
        // verifies the same whichever way its rows went in.
        var rows = EfEventStore.Chain(streamId, scope, expectedVersion, head?.Hash ?? "", events);
        await db.DeliberationProvider().InsertStagedEventsAsync(db.Database, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task SaveSnapshotAsync(string scope, string streamId, long version, Stream stateJson, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(stateJson);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // As an append: a snapshot saved after a discard would outlive the events it covers.
        if (!await db.PendingImports.AnyAsync(p => p.Scope == scope, cancellationToken))
            throw new ImportDiscardedException(scope);
        await db.Snapshots.Where(s => s.StreamId == streamId).ExecuteDeleteAsync(cancellationToken);
        // The row goes in through EF Core (its time stored as every other), its state written after it by the provider.
        db.Snapshots.Add(new SnapshotRow { StreamId = streamId, Version = version, StateJson = "", TakenAt = StoredTime.Normalise(takenAt) });
        await db.SaveChangesAsync(cancellationToken);
        await db.DeliberationProvider().WriteSnapshotJsonAsync(db.Database, streamId, stateJson, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> PromoteAsync(string scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // One row, one statement: atomic on every provider. A discard that raced the job (another node
        // starting) took the row with the events, and then nothing becomes visible.
        return await db.PendingImports.Where(p => p.Scope == scope).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<int> DiscardAsync(string? scope = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IQueryable<PendingImportRow> marks = scope is null ? db.PendingImports : db.PendingImports.Where(p => p.Scope == scope);
        var pending = marks.Select(p => p.Scope);
        // Rows staged under an old "import:" scope by an earlier version go with them at a start.
        var staged = scope is null
            ? db.Events.Where(e => pending.Contains(e.Scope) || e.Scope.StartsWith(StagingScopes.Prefix))
            : db.Events.Where(e => pending.Contains(e.Scope));
        var streams = staged.Select(e => e.StreamId).Distinct();
        await db.Snapshots.Where(s => streams.Contains(s.StreamId)).ExecuteDeleteAsync(cancellationToken);
        // A staged statement's review trace goes with it: a cache of events that no longer exist
        // (docs/architecture.md, "Review": keyed review-trace-…{id}, the id of the stream statement-{id},
        // whatever the trace's format version in between).
        var statementIds = (await streams.Where(id => id.StartsWith(StatementStreamPrefix)).ToListAsync(cancellationToken))
            .ConvertAll(id => id[StatementStreamPrefix.Length..]);
        foreach (var id in statementIds)
            await db.Snapshots.Where(s => s.StreamId.StartsWith(ReviewTracePrefix) && s.StreamId.EndsWith(id)).ExecuteDeleteAsync(cancellationToken);
        var deleted = await staged.ExecuteDeleteAsync(cancellationToken);
        await marks.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
