using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Deliberation.Persistence;

/// <summary>
/// The start-up step that moves histories written before salted commitments onto the salted chain
/// (docs/operations.md, "Salted history migration"). For every stream with an event that has no
/// salt it first checks the old, unsalted chain (<see cref="EventHash.LegacyHash"/>), then gives each
/// unsalted event a salt, recomputes every leaf and hash and writes old → new hash into
/// <c>HistoryMigrationLog</c>, one transaction per stream. An old chain that was already broken is
/// logged as an error naming the event and re-chained anyway (the log table says so): refusing would
/// leave the node unable to start, and the break stays on record where an operator can find it.
/// Idempotent: a stream whose events all have salts is left alone.
/// </summary>
public static class SaltedHistoryMigration
{
    /// <summary>Re-chains every stream that still has unsalted events; returns how many streams it re-chained.</summary>
    public static async Task<int> RunAsync(
        IDbContextFactory<DeliberationDbContext> contexts, ILogger logger, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        List<string> streams;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            streams = await db.Events.AsNoTracking()
                .Where(e => e.Salt == "")
                .Select(e => e.StreamId)
                .Distinct()
                .ToListAsync(cancellationToken);
        }
        streams.Sort(StringComparer.Ordinal);
        foreach (var streamId in streams)
            await RechainAsync(contexts, logger, time, streamId, cancellationToken);
        if (streams.Count > 0)
            logger.LogInformation("Moved {Count} streams to salted commitments; their old hashes are kept in HistoryMigrationLog", streams.Count);
        return streams.Count;
    }

    private static async Task RechainAsync(
        IDbContextFactory<DeliberationDbContext> contexts, ILogger logger, TimeProvider time, string streamId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var scope = await db.Events.Where(e => e.StreamId == streamId).Select(e => e.Scope).FirstAsync(cancellationToken);
        // Another node of the cluster may already be appending to the stream; the append lock keeps
        // it out until this stream's new chain is committed.
        await db.DeliberationProvider().LockScopeForAppendAsync(db.Database, scope, cancellationToken);
        var rows = await db.Events.Where(e => e.StreamId == streamId).OrderBy(e => e.Version).ToListAsync(cancellationToken);
        if (rows.TrueForAll(r => r.Salt.Length > 0))
            return;

        var at = StoredTime.Normalise(time.GetUtcNow());
        var oldPrevious = "";
        var newPrevious = "";
        string? oldChainProblem = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var oldHash = row.Hash;
            if (oldChainProblem is null && CheckOld(row, i + 1, oldPrevious) is { } problem)
            {
                oldChainProblem = $"version {row.Version}: {problem}";
                logger.LogError(
                    "History migration: the unsalted chain of {Stream} was already broken at version {Version} ({Problem}); re-chaining it anyway, the break is recorded in HistoryMigrationLog",
                    streamId, row.Version, problem);
            }
            if (row.Salt.Length == 0)
                row.Salt = EventHash.NewSalt();
            row.Leaf = EventHash.Leaf(row.Salt, row.StreamId, row.Version, row.Type, row.OccurredAt, row.Actor, row.PayloadJson);
            row.Hash = EventHash.Link(newPrevious, row.Leaf);
            db.HistoryMigrationLog.Add(new HistoryMigrationLogRow
            {
                StreamId = streamId,
                Version = row.Version,
                OldHash = oldHash,
                NewHash = row.Hash,
                At = at,
                OldChainProblem = oldChainProblem,
            });
            oldPrevious = oldHash;
            newPrevious = row.Hash;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Checks one event against the chain as it stood: an unsalted event by the legacy hash, an event
    /// a newer node already salted (appended onto the old chain) by its leaf and link.
    /// </summary>
    private static string? CheckOld(EventRow row, long expectedVersion, string previousHash)
    {
        if (row.Version != expectedVersion)
            return $"{ChainProblems.MissingVersion}: expected version {expectedVersion}";
        if (row.Salt.Length == 0)
        {
            var legacy = EventHash.LegacyHash(previousHash, row.StreamId, row.Version, row.Type, row.OccurredAt, row.Actor, row.PayloadJson);
            return string.Equals(legacy, row.Hash, StringComparison.Ordinal) ? null : $"{ChainProblems.HashMismatch}: the stored hash is not the unsalted hash of the event";
        }
        if (!EventHash.IsHex(row.Salt))
            return $"{ChainProblems.LeafMismatch}: the stored salt is not 64 lowercase hex characters";
        var leaf = EventHash.Leaf(row.Salt, row.StreamId, row.Version, row.Type, row.OccurredAt, row.Actor, row.PayloadJson);
        if (!string.Equals(leaf, row.Leaf, StringComparison.Ordinal))
            return $"{ChainProblems.LeafMismatch}: the event does not give its stored leaf";
        return EventHash.IsHex(row.Hash) && (previousHash.Length == 0 || EventHash.IsHex(previousHash))
            && string.Equals(EventHash.Link(previousHash, leaf), row.Hash, StringComparison.Ordinal)
            ? null
            : $"{ChainProblems.HashMismatch}: the stored hash is not the link of the previous hash and the leaf";
    }
}
