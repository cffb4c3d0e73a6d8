using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Realtime;
using Deliberation.Persistence;

namespace Deliberation.Server.Tests.Visibility;

/// <summary>
/// A dialogue and one statement built the way the product builds them — every change a command
/// through <c>Decide</c>, its events through <c>Apply</c> — for the visibility module's pure tests.
/// One dimension, Region, whose groups are as large as each test makes them.
/// </summary>
internal sealed class SmallRoom
{
    public const string Region = "Region";
    public const string North = "North";
    public const string South = "South";
    public const string East = "East";
    public const string West = "West";

    private static readonly DateTimeOffset Opening = new(2024, 9, 5, 9, 0, 0, TimeSpan.Zero);
    private int nextId;
    private long logPosition;
    private readonly Dictionary<string, string> heads = [];

    public SmallRoom(ConfidentialityMode mode, int minimumGroupSize = 3)
    {
        DialogueId = NewId();
        StatementId = NewId();
        Convener = NewId();
        Dialogue = DialogueState.Initial(DialogueId);
        Statement = StatementState.Initial(StatementId);
        var settings = new DialogueSettings("Visibility", Confidentiality: mode, MinimumGroupSize: minimumGroupSize);
        Must(new CreateDialogue(DialogueId, settings, [new Dimension(Region, [North, South, East, West])], null, "Convener", null), Convener);
        Facilitator = Add(Role.Facilitator, North, "Chair");
        Must(new AddStatement(StatementId, "Statement"), Convener);
        Must(new CreateStatement(StatementId, DialogueId, "Statement"), Convener);
    }

    public Guid DialogueId { get; }
    public Guid StatementId { get; }
    public Guid Convener { get; }
    public Guid Facilitator { get; }
    public DateTimeOffset Now { get; private set; } = Opening;
    public DialogueState Dialogue { get; private set; }
    public StatementState Statement { get; private set; }

    public Guid NewId() => new(++nextId, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    public Guid Add(Role role, string? region, string? name = null)
    {
        var id = NewId();
        var groups = region is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(Region, region);
        Must(new AddMember(new Member(id, name ?? $"{role} {nextId}", null, role, groups)), Convener);
        return id;
    }

    public Guid[] AddDelegates(int count, string region) => [.. Enumerable.Range(0, count).Select(_ => Add(Role.Delegate, region))];

    public IReadOnlyList<RecordedEventEnvelope> Must(DialogueCommand command, Guid actor)
    {
        var decision = Domain.Dialogues.Dialogue.Decide(Dialogue, command, actor, Now);
        Assert.True(decision.IsAccepted, $"{command.GetType().Name} was refused: {decision.Error}");
        var recorded = new List<RecordedEventEnvelope>();
        foreach (var e in decision.Events)
        {
            var meta = new EventMeta(Dialogue.Version + 1, Now, actor);
            Dialogue = Domain.Dialogues.Dialogue.Apply(Dialogue, e, meta);
            recorded.Add(Envelope(StreamIds.Dialogue(DialogueId), meta, e));
        }
        Now = Now.AddSeconds(1);
        return recorded;
    }

    public IReadOnlyList<RecordedEventEnvelope> Must(StatementCommand command, Guid actor)
    {
        var decision = Domain.Statements.Statement.Decide(Statement, command, Dialogue, actor, Now);
        Assert.True(decision.IsAccepted, $"{command.GetType().Name} was refused: {decision.Error}");
        var recorded = new List<RecordedEventEnvelope>();
        foreach (var e in decision.Events)
        {
            var meta = new EventMeta(Statement.Version + 1, Now, actor);
            Statement = Domain.Statements.Statement.Apply(Statement, e, meta);
            recorded.Add(Envelope(StreamIds.Statement(StatementId), meta, e));
        }
        Now = Now.AddSeconds(1);
        return recorded;
    }

    public Guid Clause(string text)
    {
        var id = NewId();
        Must(new ProposeClause(id, ClauseKind.Principle, text), Facilitator);
        return id;
    }

    /// <summary>Moves on to deliberation, where positions may be taken.</summary>
    public void Deliberate()
    {
        while (Dialogue.Phase != Phase.Deliberation)
            Must(new SetPhase(Dialogue.Phase + 1), Facilitator);
    }

    public IReadOnlyList<RecordedEventEnvelope> Take(Guid member, Guid clauseId, PositionKind position) =>
        Must(new TakePosition(clauseId, Statement.Clauses[clauseId].CurrentRevision, position), member);

    public StatementConsensus Consensus() => ConsensusCalculator.Compute(Dialogue, Statement);

    /// <summary>The envelope the store would give it: a fresh salt, its leaf, and its link in the stream's chain.</summary>
    private RecordedEventEnvelope Envelope(string stream, EventMeta meta, DomainEvent e)
    {
        var salt = EventHash.NewSalt();
        var leaf = EventHash.Leaf(salt, stream, meta.Version, e.EventType, meta.OccurredAt, meta.Actor.ToString(), DomainJson.SerializeEventPayload(e));
        var hash = EventHash.Link(heads.GetValueOrDefault(stream, ""), leaf);
        heads[stream] = hash;
        return new(stream, meta.Version, ++logPosition, meta.OccurredAt, meta.Actor, hash, e, salt, leaf);
    }
}
