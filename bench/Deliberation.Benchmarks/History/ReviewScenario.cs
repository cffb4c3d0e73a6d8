using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Review;
using Deliberation.Domain.Statements;

namespace Deliberation.Benchmarks.History;

/// <summary>
/// A dialogue of 100,000 events built the way the product builds it (every change a command through
/// <c>Decide</c>, its events through <c>Apply</c>), for the review's benchmarks: 400 delegates in two
/// dimensions, a statement of 60 clauses, then positions one at a time, a substantive revision every
/// 2,000 events, the chair showing the room a clause every 500, and the phase moving between
/// deliberation and drafting every 10,000. Seeded, so every run measures the same history.
/// </summary>
public sealed class ReviewScenario
{
    private static readonly ImmutableArray<Dimension> Dimensions =
    [
        new("Region", ["China", "United States", "Europe", "Global South"]),
        new("Sector", ["Academia", "Industry", "Government", "Civil society", "Philanthropy"]),
    ];

    private readonly Random random = new(20261202);
    private readonly List<ScopeEvent> scope = [];
    private DateTimeOffset now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private DialogueState dialogue = DialogueState.Initial(Guid.NewGuid());
    private StatementState statement = StatementState.Initial(Guid.NewGuid());

    public Guid DialogueId => dialogue.Id;

    public Guid StatementId => statement.Id;

    public IReadOnlyList<ScopeEvent> Scope => scope;

    public static ReviewScenario Build(int events = 100_000, int delegates = 400, int clauses = 60)
    {
        var s = new ReviewScenario();
        var convener = Guid.NewGuid();
        var chair = Guid.NewGuid();
        s.Dialogue(new CreateDialogue(s.dialogue.Id, new DialogueSettings("Review benchmark"), Dimensions, null, "Convener", null), convener);
        s.Dialogue(new AddMember(new Member(chair, "Chair", null, Role.Facilitator, ImmutableDictionary<string, string>.Empty)), convener);
        var voters = new List<Guid>();
        for (var i = 0; i < delegates; i++)
        {
            var id = Guid.NewGuid();
            var groups = ImmutableDictionary<string, string>.Empty.Add("Region", Dimensions[0].Groups[i % 4]).Add("Sector", Dimensions[1].Groups[i / 4 % 5]);
            s.Dialogue(new AddMember(new Member(id, $"Delegate {i}", null, Role.Delegate, groups)), convener);
            voters.Add(id);
        }
        s.Dialogue(new AddStatement(s.statement.Id, "Joint statement"), convener);
        s.Statement(new CreateStatement(s.statement.Id, s.dialogue.Id, "Joint statement"), convener);
        var ids = new List<Guid>();
        for (var c = 0; c < clauses; c++)
        {
            var id = Guid.NewGuid();
            s.Statement(new ProposeClause(id, ClauseKind.Principle, $"Clause {c + 1}: frontier developers report serious incidents within 72 hours."), chair);
            ids.Add(id);
        }
        s.Dialogue(new SetPhase(Phase.Deliberation), chair);
        s.Dialogue(new SetPhase(Phase.Drafting), chair);
        while (s.scope.Count < events)
        {
            var n = s.scope.Count;
            var clause = ids[s.random.Next(ids.Count)];
            if (n % 10_000 == 0)
                s.Dialogue(new SetPhase(s.dialogue.Phase == Phase.Drafting ? Phase.Deliberation : Phase.Drafting), chair);
            else if (n % 2_000 == 0 && s.dialogue.Phase == Phase.Drafting)
                s.Statement(new ReviseClause(clause, s.statement.Clauses[clause].CurrentRevision, $"Revised at {n}: developers report serious incidents.", RevisionKind.Substantive, "Benchmark"), chair);
            else if (n % 500 == 0)
                s.Statement(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), chair);
            else
                s.Statement(new TakePosition(clause, s.statement.Clauses[clause].CurrentRevision, (PositionKind)s.random.Next(5)), voters[s.random.Next(voters.Count)]);
        }
        return s;
    }

    private void Dialogue(DialogueCommand command, Guid actor)
    {
        var decision = Domain.Dialogues.Dialogue.Decide(dialogue, command, actor, now);
        if (!decision.IsAccepted)
            throw new InvalidOperationException($"{command.GetType().Name} was refused: {decision.Error}");
        foreach (var e in decision.Events)
        {
            var meta = new EventMeta(dialogue.Version + 1, now, actor);
            dialogue = Domain.Dialogues.Dialogue.Apply(dialogue, e, meta);
            scope.Add(new ScopeEvent(scope.Count + 1, null, e, meta));
        }
        now = now.AddSeconds(1);
    }

    private void Statement(StatementCommand command, Guid actor)
    {
        var decision = Domain.Statements.Statement.Decide(statement, command, dialogue, actor, now);
        if (!decision.IsAccepted)
            throw new InvalidOperationException($"{command.GetType().Name} was refused: {decision.Error}");
        foreach (var e in decision.Events)
        {
            var meta = new EventMeta(statement.Version + 1, now, actor);
            statement = Domain.Statements.Statement.Apply(statement, e, meta);
            scope.Add(new ScopeEvent(scope.Count + 1, statement.Id, e, meta));
        }
        now = now.AddSeconds(1);
    }
}
