using System.Diagnostics;
using System.Globalization;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Review;

namespace Deliberation.Benchmarks.History;

/// <summary>
/// Wall-clock times of the review on the 100,000-event <see cref="ReviewScenario"/>, the best of
/// <c>runs</c> (a shared machine's noise only ever adds): a full replay to the end, building the
/// checkpoints, a moment from its checkpoint (with the matrix), and the timeline's one pass.
/// </summary>
public static class ReviewTimer
{
    public static int Run(int runs)
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
        Time("the timeline's pass (first question)", runs, () =>
        {
            var trace = new ReviewTrace(scenario.DialogueId, scenario.StatementId);
            trace.Advance(events, 0);
        });
        return 0;
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
