using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence;

/// <summary>The <see cref="IImportStaging"/> over EF Core: one UPDATE promotes, which every provider runs atomically.</summary>
public sealed class EfImportStaging(IDbContextFactory<DeliberationDbContext> contextFactory) : IImportStaging
{
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
        var deleted = await staged.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
