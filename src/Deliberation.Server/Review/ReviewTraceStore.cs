using Deliberation.Domain.Review;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Deliberation.Server.Services;

namespace Deliberation.Server.Review;

/// <summary>
/// Stores and loads one dialogue's review traces in parts (<see cref="StoredReviewTrace"/>): a save writes the
/// parts not written yet, then the head; a load reads the head and the parts it names. Each part is
/// written once by this node (one instance per dialogue's history remembers which it wrote or read); two nodes writing the same part write
/// the same text, and the store keeps the first.
/// </summary>
public sealed class ReviewTraceStore
{
    private readonly HashSet<string> written = [];

    /// <summary>Writes what <paramref name="trace"/> holds that is not stored yet. The head last: it names only parts already stored.</summary>
    public async Task SaveAsync(IEventStore store, ReviewTraceSnapshot trace, CancellationToken cancellationToken)
    {
        var keys = StoredReviewTrace.PartKeys(trace).ToList();
        int known;
        lock (written)
            known = keys.TakeWhile(written.Contains).Count();
        var (head, parts) = StoredReviewTrace.Split(trace, known);
        foreach (var part in parts)
        {
            var key = ReviewTracePart.KeyOf(trace.StatementId, part.From, part.LastPosition);
            await store.SaveSnapshotAsync(new Snapshot(key, part.LastPosition, DomainJson.Serialize(part), DateTimeOffset.UtcNow), cancellationToken);
            lock (written)
                written.Add(key);
        }
        // Keyed by the last position read, which only grows along a scope: an older trace never replaces a newer one.
        // Spooled, not one string: the head carries the state, 489 MB of JSON for an imported statement of
        // 2,013,000 votes (11 GB of the server's memory as a string; docs/performance.md, "Session 14: over HTTP again, after the review trace went into parts").
        await using var json = await SpooledJson.WriteAsync(head, cancellationToken);
        await store.SaveSnapshotAsync(ReviewTraceSnapshot.KeyOf(trace.StatementId), trace.LastPosition, json, DateTimeOffset.UtcNow, cancellationToken);
    }

    /// <summary>The stored trace, whole; null when there is none or a part it names is missing or another's.</summary>
    public async Task<ReviewTraceSnapshot?> LoadAsync(IEventStore store, Guid statementId, CancellationToken cancellationToken)
    {
        // Parsed as it is read: the head carries the state, as large as the statement's own snapshot.
        if (await store.LoadSnapshotAsync(ReviewTraceSnapshot.KeyOf(statementId), DomainJson.DeserializeAsync<ReviewTraceSnapshot>, cancellationToken) is not { } stored)
            return null;
        var head = stored.State;
        var keys = StoredReviewTrace.PartKeys(head).ToList();
        var parts = new List<ReviewTracePart?>(keys.Count);
        foreach (var key in keys)
        {
            var part = await store.LoadSnapshotAsync(key, cancellationToken);
            parts.Add(part is null ? null : DomainJson.Deserialize<ReviewTracePart>(part.StateJson));
        }
        if (StoredReviewTrace.Join(head, parts) is not { } whole)
            return null;
        lock (written)
            written.UnionWith(keys);
        return whole;
    }
}
