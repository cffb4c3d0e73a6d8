using System.Globalization;
using Deliberation.Domain;
using Deliberation.Persistence;

namespace Deliberation.Server.Review;

/// <summary>
/// Keeps every statement's review trace close behind its room (docs/architecture.md, "Review"): every
/// <c>Review:FollowEvery</c> (2 s; <c>00:00:00</c> turns it off) it asks the store which dialogues have
/// events it has not followed, and extends the trace of each of their statements, which stores it every
/// <c>Review:SaveTraceEvery</c> events. Off the commit path: the room never waits for it. So the first
/// timeline question about a statement made in a room, even the first ever and even after a start,
/// reads a stored trace and at most a save interval of events, not the whole history.
/// </summary>
/// <remarks>
/// Every node runs one, over the same store: two nodes make the same trace (a pure function of the
/// history) and the store keeps the one read further (a snapshot's version is the last position read),
/// so they never undo each other; what one node missed while it was down, the others followed.
/// A node follows what is written while it runs: it starts at the store's last position.
/// </remarks>
public sealed class ReviewTraceFollower(IEventStore store, ScopeHistories histories, TimeProvider time, IConfiguration configuration, ILogger<ReviewTraceFollower> logger)
    : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    // The last position followed; -1 before the first look at the store.
    private long followed = -1;
    // Each dialogue's statements, listed once from the store and then from the streams written to.
    private readonly Dictionary<Guid, HashSet<Guid>> statements = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval(configuration["Review:FollowEvery"]);
        if (interval == TimeSpan.Zero)
        {
            logger.LogInformation("The review trace follower is off (Review:FollowEvery is zero)");
            return;
        }
        // Off the start-up path: the node serves while the follower finds where the store stands.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A trace not followed now is followed on the next tick, or made by the question that needs it.
                logger.LogWarning(e, "The review trace follower did not finish; it goes on in {Interval}", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Follows every dialogue with events stored since the last call (the first call only finds where the store stands).</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        if (followed < 0)
        {
            followed = await store.LastPositionAsync(cancellationToken);
            return;
        }
        var heads = await store.ListStreamsAfterAsync(followed, cancellationToken);
        if (heads.Count > 0)
            followed = Math.Max(followed, heads.Max(h => h.LastPosition));
        foreach (var dialogue in heads.GroupBy(h => h.Scope))
        {
            // Only dialogues' scopes: an import's staging scope, the participants' and the sessions' are not reviewed.
            if (!Guid.TryParseExact(dialogue.Key, "N", out var dialogueId))
                continue;
            // Every statement of the dialogue, not only those written to: a statement's trace reads the
            // whole scope, so a quiet statement beside a busy one would otherwise fall behind.
            if (!statements.TryGetValue(dialogueId, out var known))
                statements[dialogueId] = known = [.. StatementsOf(await store.ListStreamsAsync(dialogue.Key, cancellationToken))];
            known.UnionWith(StatementsOf(dialogue.Select(h => h.StreamId)));
            foreach (var statementId in known)
            {
                try
                {
                    await histories.FollowAsync(dialogueId, statementId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One history that does not read (a changed row, an event the code no longer knows) must
                    // not stop the others; its first question meets the same problem and reports it.
                    logger.LogWarning(e, "Could not follow the review trace of statement {Statement} in dialogue {Dialogue}", statementId, dialogueId);
                }
            }
        }
    }

    private static IEnumerable<Guid> StatementsOf(IEnumerable<string> streams)
    {
        foreach (var stream in streams)
            if (StreamIds.TryStatementId(stream, out var statementId))
                yield return statementId;
    }

    /// <summary>The configured interval: a TimeSpan ("00:00:02"); unset means <see cref="DefaultInterval"/>.</summary>
    public static TimeSpan Interval(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
            return DefaultInterval;
        if (!TimeSpan.TryParse(configured, CultureInfo.InvariantCulture, out var interval) || interval < TimeSpan.Zero)
            throw new InvalidOperationException($"Review:FollowEvery '{configured}' is not a time span such as 00:00:02 (or 00:00:00 for off).");
        return interval;
    }
}
