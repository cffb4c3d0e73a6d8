using BenchmarkDotNet.Attributes;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Benchmarks.Engine;

/// <summary>
/// <c>Statement.Apply</c> of one position on a statement whose clauses hold a position from most of
/// <see cref="Participants"/> people: the live path's fold, and what an import pays per vote (the
/// largest public Pol.is conversation has about 33,000 participants and 2 million votes).
/// Built from events alone: <c>Apply</c> needs no dialogue.
/// </summary>
[MemoryDiagnoser]
public class PositionApplyBenchmarks
{
    private const int Clauses = 10;
    private static readonly DateTimeOffset At = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private StatementState statement = null!;
    private PositionTaken change = null!, first = null!;
    private EventMeta meta;

    [Params(1_000, 33_000)]
    public int Participants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260504);
        var actor = Guid.NewGuid();
        var version = 0L;
        var state = StatementState.Initial(Guid.NewGuid());
        StatementState Next(StatementEvent e) => state = Statement.Apply(state, e, new EventMeta(++version, At, actor));

        Next(new StatementCreated(state.Id, Guid.NewGuid(), "Imported conversation"));
        var clauses = Enumerable.Range(0, Clauses).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var clause in clauses)
            Next(new ClauseAdded(clause, ClauseKind.Other, "A comment.", null, null, null, null));
        var participants = Enumerable.Range(0, Participants).Select(_ => Guid.NewGuid()).ToArray();
        // Every participant votes on the last clause; about 90% on each of the others, in the order a
        // Pol.is log mixes them, and the first clause is left without the last participant's vote.
        foreach (var participant in participants)
            foreach (var clause in clauses)
                if (clause == clauses[^1] || (random.NextDouble() < 0.9 && !(clause == clauses[0] && participant == participants[^1])))
                    Next(new PositionTaken(participant, clause, null, 1, (PositionKind)random.Next(4), null));

        statement = state;
        var voter = participants[Participants / 2];
        change = new PositionTaken(voter, clauses[^1], null, 1, PositionKind.Block, null);
        first = new PositionTaken(participants[^1], clauses[0], null, 1, PositionKind.Support, null);
        meta = new EventMeta(version + 1, At, voter);
    }

    /// <summary>Someone who already has a position on the clause gives another (the live path).</summary>
    [Benchmark]
    public StatementState ApplyPositionChange() => Statement.Apply(statement, change, meta);

    /// <summary>Someone with positions on other clauses gives her first on this one (most of an import's votes).</summary>
    [Benchmark]
    public StatementState ApplyFirstPositionOnClause() => Statement.Apply(statement, first, meta);
}
