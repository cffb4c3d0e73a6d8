using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Benchmarks.Engine;

/// <summary>
/// A large room built the way the product builds it — every change a command through <c>Decide</c>,
/// its events through <c>Apply</c>: 1,000 delegates in three dimensions (4 regions × 5 sectors ×
/// 6 generations), a statement of 200 clauses (20 of them with a two-option bracket) on which about
/// 90% of delegates took a position, and a funding floor on which every delegate stated a range.
/// Seeded, so every run measures the same room.
/// </summary>
public sealed class EngineScenario
{
    public static readonly ImmutableArray<Dimension> Dimensions =
    [
        new("Region", ["China", "United States", "Europe", "Global South"]),
        new("Sector", ["Academia", "Industry", "Government", "Civil society", "Philanthropy"]),
        new("Generation", ["Under 30", "30s", "40s", "50s", "60s", "Over 70"]),
    ];

    private static readonly DateTimeOffset Opening = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private readonly Random random;
    private DateTimeOffset now = Opening;

    private EngineScenario(int seed)
    {
        random = new Random(seed);
        Dialogue = DialogueState.Initial(Guid.NewGuid());
        Statement = StatementState.Initial(Guid.NewGuid());
        FundingStatement = StatementState.Initial(Guid.NewGuid());
    }

    public Guid Convener { get; } = Guid.NewGuid();
    public Guid Facilitator { get; } = Guid.NewGuid();
    public List<Guid> Delegates { get; } = [];
    public List<Guid> Clauses { get; } = [];
    public Guid FundingClause { get; } = Guid.NewGuid();
    public DialogueState Dialogue { get; private set; }

    /// <summary>The 200-clause statement.</summary>
    public StatementState Statement { get; private set; }

    /// <summary>A second statement holding only the funding floor, so its solver is measured apart.</summary>
    public StatementState FundingStatement { get; private set; }

    public DateTimeOffset Now => now;

    public static EngineScenario Build(int delegates = 1_000, int clauses = 200, int bracketed = 20, double coverage = 0.9, int seed = 20260504)
    {
        var s = new EngineScenario(seed);
        s.Must(new CreateDialogue(s.Dialogue.Id, new DialogueSettings("Benchmark dialogue"), Dimensions, null, "Convener", null), s.Convener);
        s.Must(new AddMember(new Member(s.Facilitator, "Chair", null, Role.Facilitator, ImmutableDictionary<string, string>.Empty)), s.Convener);
        for (var i = 0; i < delegates; i++)
        {
            var id = Guid.NewGuid();
            // Independent-looking spread: region cycles fastest, then sector, then generation.
            var groups = ImmutableDictionary<string, string>.Empty
                .Add("Region", Dimensions[0].Groups[i % 4])
                .Add("Sector", Dimensions[1].Groups[i / 4 % 5])
                .Add("Generation", Dimensions[2].Groups[i / 20 % 6]);
            s.Must(new AddMember(new Member(id, $"Delegate {i}", "Institute", Role.Delegate, groups)), s.Convener);
            s.Delegates.Add(id);
        }
        s.Must(new AddStatement(s.Statement.Id, "Joint statement"), s.Convener);
        s.Must(new AddStatement(s.FundingStatement.Id, "Funding floor"), s.Convener);
        s.Statement = s.Must(s.Statement, new CreateStatement(s.Statement.Id, s.Dialogue.Id, "Joint statement"), s.Convener);
        s.FundingStatement = s.Must(s.FundingStatement, new CreateStatement(s.FundingStatement.Id, s.Dialogue.Id, "Funding floor"), s.Convener);

        ClauseKind[] kinds = [ClauseKind.Principle, ClauseKind.RedLine, ClauseKind.GovernanceProposal, ClauseKind.Other];
        for (var c = 0; c < clauses; c++)
        {
            var id = Guid.NewGuid();
            var text = c < bracketed
                ? $"Clause {c + 1}: developers shall [publish | share with regulators] their safety cases."
                : $"Clause {c + 1}: frontier developers report serious incidents within 72 hours.";
            s.Statement = s.Must(s.Statement, new ProposeClause(id, kinds[c % kinds.Length], text), s.Facilitator);
            s.Clauses.Add(id);
        }
        s.FundingStatement = s.Must(s.FundingStatement,
            new ProposeClause(s.FundingClause, ClauseKind.FundingFloor, "Spend at least [x] of AI R&D on safety.", Parameter: NumericParameter.ShareOfResearch), s.Facilitator);
        s.Must(new SetPhase(Phase.Deliberation), s.Facilitator);

        // Positions on the clauses: an import is one command, as the Pol.is importer sends it.
        var positions = ImmutableArray.CreateBuilder<ImportedPosition>();
        foreach (var clause in s.Clauses)
            foreach (var voter in s.Delegates)
                if (s.random.NextDouble() < coverage)
                    positions.Add(new ImportedPosition(voter, clause, s.RandomPosition()));
        s.Statement = s.Must(s.Statement, new RecordImportedPositions(positions.ToImmutable()), s.Convener);

        // About half the delegates also choose between the bracket's options, one command each.
        foreach (var clause in s.Clauses.Take(bracketed))
            foreach (var voter in s.Delegates)
                if (s.random.NextDouble() < 0.5)
                    s.Statement = s.Must(s.Statement, new TakePosition(clause, 1, s.RandomPosition(), OptionId: s.random.Next(2) == 0 ? "1.1" : "1.2"), voter);

        // Every delegate states a range around a personal ideal between 5% and 45%.
        foreach (var voter in s.Delegates)
        {
            var ideal = 5 + s.random.NextDouble() * 40;
            var half = 2 + s.random.NextDouble() * 15;
            s.FundingStatement = s.Must(s.FundingStatement,
                new StateRange(s.FundingClause, 1, Math.Round(Math.Max(0, ideal - half) * 2) / 2, Math.Round(Math.Min(100, ideal + half) * 2) / 2), voter);
        }
        return s;
    }

    /// <summary>Mostly agreement, as in a room near consensus: 50% support, 20% accept, 10% stand aside, 20% oppose.</summary>
    public PositionKind RandomPosition() => random.NextDouble() switch
    {
        < 0.5 => PositionKind.Support,
        < 0.7 => PositionKind.Accept,
        < 0.8 => PositionKind.StandAside,
        _ => PositionKind.Oppose,
    };

    private void Must(DialogueCommand command, Guid actor)
    {
        var decision = Domain.Dialogues.Dialogue.Decide(Dialogue, command, actor, now);
        if (decision.Error is { } error)
            throw new InvalidOperationException($"{command.GetType().Name} refused: {error}");
        foreach (var e in decision.Events)
            Dialogue = Domain.Dialogues.Dialogue.Apply(Dialogue, e, new EventMeta(Dialogue.Version + 1, now, actor));
        now = now.AddSeconds(1);
    }

    private StatementState Must(StatementState statement, StatementCommand command, Guid actor)
    {
        var decision = Domain.Statements.Statement.Decide(statement, command, Dialogue, actor, now);
        if (decision.Error is { } error)
            throw new InvalidOperationException($"{command.GetType().Name} refused: {error}");
        foreach (var e in decision.Events)
            statement = Domain.Statements.Statement.Apply(statement, e, new EventMeta(statement.Version + 1, now, actor));
        now = now.AddSeconds(1);
        return statement;
    }
}
