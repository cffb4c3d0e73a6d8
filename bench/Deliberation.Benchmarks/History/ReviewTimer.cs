using System.Diagnostics;
using System.Globalization;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Review;
using Deliberation.Persistence;
using Deliberation.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Benchmarks.History;

/// <summary>
/// Wall-clock times of the review on the 100,000-event <see cref="ReviewScenario"/>, the best of
/// <c>runs</c> (a shared machine's noise only ever adds): a full replay to the end, building the
/// checkpoints, a moment from its checkpoint (with the matrix), the timeline's one pass, and what a
/// cold timeline costs when the trace was stored: the scope read from a SQLite file and decoded, the
/// trace loaded from its JSON.
/// </summary>
public static class ReviewTimer
{
    public static async Task<int> RunAsync(int runs)
    {
        var scenario = ReviewScenario.Build();
        var events = scenario.Scope;
        Console.WriteLine($"{events.Count:N0} events");
        Time("full replay to the end (state only)", runs, () =>
        {
            var state = ScopeState.Initial(scenario.DialogueId);
            foreach (var e in events)
                state = state.Apply(e);
        });
        ScopeReplay replay = null!;
        Time("checkpoints built (first question)", runs, () =>
        {
            replay = new ScopeReplay(scenario.DialogueId);
            replay.Append(events);
            replay.StateAfter(events.Count - 1);
        });
        var random = new Random(7);
        Time("a moment from its checkpoint, with the matrix (mean of 200)", runs, () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var state = replay.StateAfter(random.Next(events.Count));
                ConsensusCalculator.Compute(state.Dialogue, state.Statement(scenario.StatementId));
            }
        }, per: 200);
        Time("replay with the live tracker only (no standings)", runs, () =>
        {
            var state = ScopeState.Initial(scenario.DialogueId);
            ConsensusTracker? tracker = null;
            foreach (var e in events)
            {
                var before = state.Statement(scenario.StatementId);
                state = state.Apply(e);
                if (e.Event is Domain.Statements.StatementEvent s && e.StatementId == scenario.StatementId)
                {
                    var after = state.Statement(scenario.StatementId);
                    if (tracker is null || tracker.BasisVersion != state.Dialogue.ConsensusBasisVersion)
                        tracker = ConsensusTracker.Start(state.Dialogue, after);
                    else
                        tracker.Observe(before, s, after);
                    if (s is Domain.Statements.PositionTaken p)
                        tracker.Clause(p.ClauseId);
                }
            }
        });
        ReviewTrace pass = null!;
        Time("the timeline's pass (first question, no stored trace)", runs, () =>
        {
            pass = new ReviewTrace(scenario.DialogueId, scenario.StatementId);
            pass.Advance(events, 0);
        });
        string json = null!;
        Time("the trace stored: snapshot and JSON", runs, () => json = DomainJson.Serialize(pass.Snapshot()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored trace: {json.Length / 1024.0 / 1024.0:0.0} MB of JSON, {pass.Moments.Count:N0} moments, {pass.Live.Count:N0} live and {pass.Released.Count:N0} released standings"));
        Time("the stored trace loaded: JSON and restore", runs, () => ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>(json)));
        var behind = new ReviewTrace(scenario.DialogueId, scenario.StatementId);
        behind.Advance([.. events.Take(events.Count - 1_000)], 0);
        var behindJson = DomainJson.Serialize(behind.Snapshot());
        Time("the stored trace loaded and 1,000 events since read", runs, () =>
        {
            var trace = ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>(behindJson));
            trace.Advance([.. events.Skip(trace.Read)], trace.Read);
        });
        await ThroughSqliteAsync(scenario, behindJson, runs);
        return 0;
    }

    /// <summary>
    /// The cold timeline's reads from a store, as the server makes them after a start (Review/ScopeHistory):
    /// the dialogue's scope read from a SQLite file and decoded, then the stored trace loaded.
    /// </summary>
    private static async Task ThroughSqliteAsync(ReviewScenario scenario, string traceJson, int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"deliberation-bench-{Guid.NewGuid():N}");
        var services = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseDeliberationSqlite($"Data Source={Path.Combine(folder, "bench.db")}"))
            .BuildServiceProvider();
        try
        {
            await services.MigrateDeliberationDatabaseAsync();
            var store = services.GetRequiredService<IEventStore>();
            var scope = scenario.DialogueId.ToString("N");
            var clock = Stopwatch.StartNew();
            // Consecutive events of one stream go in one transaction (up to 1,000) only to fill the file sooner: reading is what is timed.
            var versions = new Dictionary<string, long>();
            foreach (var run in Runs(scenario.Scope))
            {
                var stream = run[0].StatementId is { } id ? StreamIds.Statement(id) : StreamIds.Dialogue(scenario.DialogueId);
                var version = versions.GetValueOrDefault(stream);
                await store.AppendAsync(stream, scope, version, [.. run.Select(e => new EventToAppend(e.Event.EventType, DomainJson.SerializeEventPayload(e.Event), e.Meta.OccurredAt, e.Meta.Actor.ToString()))]);
                versions[stream] = version + run.Count;
            }
            await store.SaveSnapshotAsync(new Snapshot(ReviewTraceSnapshot.KeyOf(scenario.StatementId), long.MaxValue, traceJson, DateTimeOffset.UtcNow));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({scenario.Scope.Count:N0} events stored in SQLite in {clock.Elapsed.TotalSeconds:0} s)"));
            await TimeAsync("the scope read from SQLite and decoded", runs, async () =>
            {
                var decoded = (await store.ReadScopeAsync(scope)).Select(Decode).ToList();
            });
            // The timeline after a start (Review/ScopeHistory.UseTraceAloneAsync): the stored trace, then
            // only the 1,000 events stored after it read, decoded and traced; the whole scope is not read.
            await TimeAsync("the cold timeline's reads: stored trace loaded, 1,000 events since read, decoded, traced", runs, async () =>
            {
                var row = await store.LoadSnapshotAsync(ReviewTraceSnapshot.KeyOf(scenario.StatementId));
                var trace = ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>(row!.StateJson));
                var tail = await store.ReadScopeAsync(scope, trace.LastPosition);
                trace.Advance([.. tail.Select(Decode)], trace.Read);
                if (trace.Read != scenario.Scope.Count)
                    throw new InvalidOperationException("The trace did not reach the end of the scope.");
            });
            await FollowedAsync(store, scenario, runs);
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The trace follower (server: Review/ReviewTraceFollower, ScopeHistory.FollowAsync) and the first question
    /// ever about a statement made in a room, which it leaves with a stored trace at most 999 events behind:
    /// the follower's way here is the server's, pages of 10,000 events read from the store, decoded and
    /// traced, the trace stored whenever 1,000 were read since the last save.
    /// </summary>
    private static async Task FollowedAsync(IEventStore store, ReviewScenario scenario, int runs)
    {
        const int page = 10_000, saveEvery = 1_000, behind = 999;
        var scope = scenario.DialogueId.ToString("N");
        // Not the statement's own key: the cold line above stored its trace there at the highest version, which the store keeps.
        var key = ReviewTraceSnapshot.KeyOf(scenario.StatementId) + "-followed";
        async Task<int> FollowAsync(int upTo)
        {
            var (trace, saved, saves) = (new ReviewTrace(scenario.DialogueId, scenario.StatementId), 0, 0);
            while (trace.Read < upTo)
            {
                var events = await store.ReadScopeAsync(scope, trace.LastPosition, Math.Min(page, upTo - trace.Read));
                trace.Advance([.. events.Select(Decode)], trace.Read);
                if (trace.Read - saved >= saveEvery || trace.Read == upTo)
                {
                    await store.SaveSnapshotAsync(new Snapshot(key, trace.LastPosition, DomainJson.Serialize(trace.Snapshot()), DateTimeOffset.UtcNow));
                    (saved, saves) = (trace.Read, saves + 1);
                }
            }
            return saves;
        }
        var stores = 0;
        // Once: it rewrites the stored trace, and the later runs would only find it there.
        await TimeAsync("the follower catching up a whole room from nothing (background): pages read, decoded, traced, stored", 1, async () => stores = await FollowAsync(scenario.Scope.Count - behind));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ({stores} saves of the trace)"));
        // The first question ever about the room-made statement, the follower caught up: the stored trace and
        // the events after it, the most a question can find there being one save interval less one.
        await TimeAsync($"first question ever, room-made, follower caught up: stored trace loaded, {behind} events since read, decoded, traced", runs, async () =>
        {
            var row = await store.LoadSnapshotAsync(key);
            var trace = ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>(row!.StateJson));
            var tail = await store.ReadScopeAsync(scope, trace.LastPosition);
            trace.Advance([.. tail.Select(Decode)], trace.Read);
            if (trace.Read != scenario.Scope.Count || tail.Count != behind)
                throw new InvalidOperationException("The trace did not reach the end of the scope from where the follower left it.");
        });
        // The follower in step with the room: what each save interval costs it, off the room's path.
        var trace = ReviewTrace.Restore(DomainJson.Deserialize<ReviewTraceSnapshot>((await store.LoadSnapshotAsync(key))!.StateJson));
        await TimeAsync($"the follower in step: {behind} new events read, decoded, traced and the trace stored", 1, async () =>
        {
            var tail = await store.ReadScopeAsync(scope, trace.LastPosition, page);
            trace.Advance([.. tail.Select(Decode)], trace.Read);
            await store.SaveSnapshotAsync(new Snapshot(key, trace.LastPosition, DomainJson.Serialize(trace.Snapshot()), DateTimeOffset.UtcNow));
        });
    }

    // As the server decodes a stored event (Grains/EventSourcing/RecordedEvent), which this project does not reference.
    private static ScopeEvent Decode(StoredEvent e) =>
        new(e.Position, StreamIds.TryStatementId(e.StreamId, out var id) ? id : null,
            DomainJson.DeserializeEvent(e.Type, e.PayloadJson), new EventMeta(e.Version, e.OccurredAt, Guid.TryParse(e.Actor, out var actor) ? actor : Guid.Empty));

    private static IEnumerable<List<ScopeEvent>> Runs(IReadOnlyList<ScopeEvent> events)
    {
        var run = new List<ScopeEvent>();
        foreach (var e in events)
        {
            if (run.Count > 0 && (run[0].StatementId != e.StatementId || run.Count == 1_000))
            {
                yield return run;
                run = [];
            }
            run.Add(e);
        }
        if (run.Count > 0)
            yield return run;
    }

    private static async Task TimeAsync(string what, int runs, Func<Task> action)
    {
        var best = TimeSpan.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            if (clock.Elapsed < best)
                best = clock.Elapsed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {best.TotalMilliseconds:0.0} ms"));
    }

    private static void Time(string what, int runs, Action action, int per = 1)
    {
        var best = TimeSpan.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            if (clock.Elapsed < best)
                best = clock.Elapsed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {best.TotalMilliseconds / per:0.0} ms"));
    }
}
