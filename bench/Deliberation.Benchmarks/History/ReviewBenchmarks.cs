using BenchmarkDotNet.Attributes;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Review;

namespace Deliberation.Benchmarks.History;

/// <summary>
/// The review of a 100,000-event dialogue (docs/performance.md, "Review"): the statement and its matrix
/// at a moment, by a full replay to it (how <c>consensus?at=</c> worked before) and from the nearest
/// checkpoint; and the whole timeline of key moments and status changes in one pass. Targets: a moment
/// &lt; 50 ms, the timeline &lt; 500 ms. The decoding of stored events is not in these figures: the
/// server decodes a dialogue once and keeps it (docs/architecture.md, "Review").
/// </summary>
[MemoryDiagnoser]
public class ReviewBenchmarks
{
    private ReviewScenario scenario = null!;
    private ScopeReplay replay = null!;
    private int[] moments = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        scenario = ReviewScenario.Build();
        replay = new ScopeReplay(scenario.DialogueId);
        replay.Append(scenario.Scope);
        var random = new Random(7);
        moments = [.. Enumerable.Range(0, 64).Select(_ => random.Next(scenario.Scope.Count))];
        // The checkpoints are built once, on the first question, as on the server.
        replay.StateAfter(scenario.Scope.Count - 1);
    }

    private int NextMoment() => moments[next++ % moments.Length];

    [Benchmark(Baseline = true)]
    public StatementConsensus MomentByFullReplay()
    {
        var index = NextMoment();
        var state = ScopeState.Initial(scenario.DialogueId);
        for (var i = 0; i <= index; i++)
            state = state.Apply(scenario.Scope[i]);
        return ConsensusCalculator.Compute(state.Dialogue, state.Statement(scenario.StatementId));
    }

    [Benchmark]
    public StatementConsensus MomentFromCheckpoint()
    {
        var state = replay.StateAfter(NextMoment());
        return ConsensusCalculator.Compute(state.Dialogue, state.Statement(scenario.StatementId));
    }

    [Benchmark]
    public int WholeTimeline()
    {
        var trace = new ReviewTrace(scenario.DialogueId, scenario.StatementId);
        trace.Advance(scenario.Scope, 0);
        return trace.Moments.Count + trace.Live.Count + trace.Released.Count;
    }
}
