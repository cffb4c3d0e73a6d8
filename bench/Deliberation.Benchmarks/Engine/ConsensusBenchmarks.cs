using BenchmarkDotNet.Attributes;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Benchmarks.Engine;

/// <summary>
/// The consensus engine on <see cref="EngineScenario"/>'s room. Targets (docs/performance.md):
/// one position change through the tracker &lt; 20 µs, a full recomputation &lt; 20 ms, the funding
/// floor with 1,000 ranges &lt; 5 ms.
/// </summary>
[MemoryDiagnoser]
public class ConsensusBenchmarks
{
    private EngineScenario scenario = null!;
    private RosterIndex roster = null!;
    private ConsensusTracker tracker = null!;
    private ClauseState fundingClause = null!;
    private ConsensusRule fundingRule = null!;

    // One delegate flipping one clause between Support and Oppose: before → toOppose → opposed → toSupport → supported.
    private StatementState before = null!, opposed = null!, supported = null!;
    private PositionTaken toOppose = null!, toSupport = null!;
    private Guid voter, clause;
    private StatementState live = null!;
    private StatementState loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        scenario = EngineScenario.Build();
        roster = new RosterIndex(scenario.Dialogue);
        tracker = ConsensusTracker.Start(scenario.Dialogue, scenario.Statement);
        fundingClause = scenario.FundingStatement.Clauses[scenario.FundingClause];
        fundingRule = scenario.Dialogue.Rules.For(ClauseKind.FundingFloor);

        before = scenario.Statement;
        clause = scenario.Clauses[^1];
        voter = scenario.Delegates.First(d => before.Clauses[clause].Positions.TryGetValue(d, out var p) && p.Kind == PositionKind.Support);
        toOppose = new PositionTaken(voter, clause, null, 1, PositionKind.Oppose, null);
        toSupport = toOppose with { Position = PositionKind.Support };
        opposed = Statement.Apply(before, toOppose, new EventMeta(before.Version + 1, scenario.Now, voter));
        supported = Statement.Apply(opposed, toSupport, new EventMeta(before.Version + 2, scenario.Now, voter));
        live = before;
        // As a grain holds it after activation: read back from its stored snapshot, not replayed.
        loaded = DomainJson.Deserialize<StatementState>(DomainJson.Serialize(scenario.Statement));
    }

    /// <summary>(a) One position change, as the grain feeds it to its tracker after a commit.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void TrackerObservePositionChange()
    {
        tracker.Observe(before, toOppose, opposed);
        tracker.Observe(opposed, toSupport, supported);
    }

    /// <summary>(a′) What the grain does per position besides I/O: decide, apply, observe.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public void DecideApplyObservePositionChange()
    {
        Step(PositionKind.Oppose);
        Step(PositionKind.Support);
    }

    /// <summary>(b) The whole statement from scratch: what history views and tests compute.</summary>
    [Benchmark]
    public StatementConsensus CalculatorComputeStatement() => ConsensusCalculator.Compute(scenario.Dialogue, scenario.Statement);

    /// <summary>(b′) The same on the statement as read back from a snapshot (what a grain holds after activation).</summary>
    [Benchmark]
    public StatementConsensus CalculatorComputeLoadedStatement() => ConsensusCalculator.Compute(scenario.Dialogue, loaded);

    /// <summary>(c) The funding floor with 1,000 stated ranges on the default 201-point grid.</summary>
    [Benchmark]
    public FundingFloorAgreement FundingFloorSolve1000Ranges() => FundingFloorSolver.Solve(roster, fundingClause, fundingRule);

    /// <summary>A tracker built from scratch: the grain's cost on activation and whenever the dialogue's version moves.</summary>
    [Benchmark]
    public ConsensusTracker TrackerStart() => ConsensusTracker.Start(scenario.Dialogue, scenario.Statement);

    /// <summary>The same on the statement as read back from a snapshot: a grain's activation.</summary>
    [Benchmark]
    public ConsensusTracker TrackerStartLoaded() => ConsensusTracker.Start(scenario.Dialogue, loaded);

    /// <summary>The tracker's current matrix: what every consensus read returns.</summary>
    [Benchmark]
    public StatementConsensus TrackerSnapshot() => tracker.Snapshot();

    /// <summary>The roster laid out for counting (part of every tracker start and every full computation).</summary>
    [Benchmark]
    public RosterIndex RosterIndexBuild() => new(scenario.Dialogue);

    private void Step(PositionKind kind)
    {
        var decision = Statement.Decide(live, new TakePosition(clause, 1, kind), scenario.Dialogue, voter, scenario.Now);
        foreach (var e in decision.Events)
        {
            var next = Statement.Apply(live, e, new EventMeta(live.Version + 1, scenario.Now, voter));
            tracker.Observe(live, e, next);
            live = next;
        }
    }
}
