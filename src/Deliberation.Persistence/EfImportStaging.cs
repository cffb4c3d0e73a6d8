using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>The <see cref="IImportStaging"/> over EF Core: one UPDATE promotes, which every provider runs atomically.</summary>
public sealed class EfImportStaging(IDbContextFactory<DeliberationDbContext> contextFactory) : IImportStaging
{
    // The domain's names (StreamIds.Statement, ReviewTraceSnapshot.KeyOf), which this project does not reference.
    private const string StatementStreamPrefix = "statement-";
    private const string ReviewTracePrefix = "review-trace-";

    public async Task AppendAsync(string streamId, string stagingScope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (!stagingScope.StartsWith(StagingScopes.Prefix, StringComparison.Ordinal))
            throw new ArgumentException("Only a staging scope is appended to this way.", nameof(stagingScope));
        if (events.Count == 0)
            return;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.DeliberationProvider().LockScopeForAppendAsync(db.Database, stagingScope, cancellationToken);
        var head = await db.Events.AsNoTracking()
            .Where(e => e.StreamId == streamId)
            .OrderByDescending(e => e.Version)
            .Select(e => new { e.Version, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        if ((head?.Version ?? 0) != expectedVersion)
            throw new ConcurrencyConflictException(streamId, expectedVersion);
        // Chained exactly as an ordinary append chains (fresh salts, the same hashes), so the history
        // verifies the same whichever way its rows went in.
        var rows = EfEventStore.Chain(streamId, stagingScope, expectedVersion, head?.Hash ?? "", events);
        await StagedEventInsert.InsertAsync(db, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> PromoteAsync(string stagingScope, string scope, long expectedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stagingScope);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        if (!stagingScope.StartsWith(StagingScopes.Prefix, StringComparison.Ordinal))
            throw new ArgumentException("Only a staging scope is promoted.", nameof(stagingScope));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Events.Where(e => e.Scope == stagingScope)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Scope, scope), cancellationToken);
        // Counted inside the same transaction: a discard that raced the job (another node starting)
        // leaves fewer rows than written, and then nothing becomes visible.
        if (moved != expectedEvents)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> DiscardAsync(string? stagingScope = null, CancellationToken cancellationToken = default)
    {
        if (stagingScope is not null && !stagingScope.StartsWith(StagingScopes.Prefix, StringComparison.Ordinal))
            throw new ArgumentException("Only a staging scope is discarded.", nameof(stagingScope));
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var staged = stagingScope is null
            ? db.Events.Where(e => e.Scope.StartsWith(StagingScopes.Prefix))
            : db.Events.Where(e => e.Scope == stagingScope);
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
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
