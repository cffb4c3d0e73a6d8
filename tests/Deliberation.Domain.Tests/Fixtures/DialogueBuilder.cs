using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests.Fixtures;

/// <summary>
/// Builds a dialogue and one statement the way the product does — every change is a command through
/// <c>Decide</c> whose events go through <c>Apply</c> — so tests exercise the real path and never
/// hand-made state. Ids are sequential and the clock ticks one second per accepted command, so runs
/// are reproducible.
/// </summary>
public sealed class DialogueBuilder
{
    public const string Region = "Region";
    public const string Sector = "Sector";
    public const string China = "China";
    public const string UnitedStates = "United States";
    public const string Europe = "Europe";
    public const string GlobalSouth = "Global South";
    public const string Academia = "Academia";
    public const string Industry = "Industry";
    public const string Government = "Government";
    public const string CivilSociety = "Civil society";

    public static readonly DateTimeOffset Opening = new(2024, 9, 5, 9, 0, 0, TimeSpan.Zero);

    public static ImmutableArray<Dimension> StandardDimensions { get; } =
    [
        new(Region, [China, UnitedStates, Europe, GlobalSouth]),
        new(Sector, [Academia, Industry, Government, CivilSociety]),
    ];

    private readonly List<(DialogueEvent Event, EventMeta Meta)> dialogueHistory = [];
    private readonly List<(StatementEvent Event, EventMeta Meta)> statementHistory = [];
    private readonly List<Review.ScopeEvent> scope = [];
    private int nextId;

    public DialogueBuilder(
        ConsensusRules? rules = null,
        ConfidentialityMode confidentiality = ConfidentialityMode.ChathamHouse,
        int minimumGroupSize = 3,
        ImmutableArray<Dimension>? dimensions = null,
        string statementTitle = "Consensus statement",
        ImmutableArray<string> languages = default,
        Authenticity authenticity = Authenticity.SourceAuthoritative)
    {
        DialogueId = NewId();
        StatementId = NewId();
        Convener = NewId();
        Now = Opening;
        Dialogue = DialogueState.Initial(DialogueId);
        Statement = StatementState.Initial(StatementId);
        var settings = new DialogueSettings("International Dialogue on AI Safety", Venue: "Venice", Confidentiality: confidentiality, MinimumGroupSize: minimumGroupSize,
            Languages: languages, Authenticity: authenticity);
        Must(new CreateDialogue(DialogueId, settings, dimensions ?? StandardDimensions, rules, "Convener", "Safe AI Forum"), Convener);
        Facilitator = AddMember(Role.Facilitator, name: "Chair");
        Must(new AddStatement(StatementId, statementTitle), Convener);
        Must(new CreateStatement(StatementId, DialogueId, statementTitle), Convener);
    }

    public Guid DialogueId { get; }
    public Guid StatementId { get; }
    public Guid Convener { get; }
    public Guid Facilitator { get; }
    public DateTimeOffset Now { get; private set; }
    public DialogueState Dialogue { get; private set; }
    public StatementState Statement { get; private set; }
    public IReadOnlyList<(DialogueEvent Event, EventMeta Meta)> DialogueHistory => dialogueHistory;
    public IReadOnlyList<(StatementEvent Event, EventMeta Meta)> StatementHistory => statementHistory;

    /// <summary>Both streams' events in the order they were applied, numbered as the store numbers a scope.</summary>
    public IReadOnlyList<Review.ScopeEvent> Scope => scope;

    /// <summary>Called after every applied statement event with the state before and after it (e.g. to feed a tracker).</summary>
    public event Action<StatementState, StatementEvent, StatementState>? StatementEventApplied;

    public Guid NewId() => new(++nextId, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]);

    // ---- dialogue ----

    /// <summary>Decides a dialogue command and, when accepted, applies its events.</summary>
    public Decision<DialogueEvent> Decide(DialogueCommand command, Guid actor)
    {
        var decision = Domain.Dialogues.Dialogue.Decide(Dialogue, command, actor, Now);
        if (decision.IsAccepted && decision.Events.Count > 0)
        {
            foreach (var e in decision.Events)
            {
                var meta = new EventMeta(Dialogue.Version + 1, Now, actor);
                Dialogue = Domain.Dialogues.Dialogue.Apply(Dialogue, e, meta);
                dialogueHistory.Add((e, meta));
                scope.Add(new Review.ScopeEvent(scope.Count + 1, null, e, meta));
            }
            Now = Now.AddSeconds(1);
        }
        return decision;
    }

    public IReadOnlyList<DialogueEvent> Must(DialogueCommand command, Guid actor)
    {
        var decision = Decide(command, actor);
        Assert.True(decision.IsAccepted, $"{command.GetType().Name} was refused: {decision.Error}");
        return decision.Events;
    }

    public Guid AddMember(Role role = Role.Delegate, string? region = null, string? sector = null, string? name = null)
    {
        var id = NewId();
        var groups = ImmutableDictionary<string, string>.Empty;
        if (region is not null)
            groups = groups.Add(Region, region);
        if (sector is not null)
            groups = groups.Add(Sector, sector);
        Must(new AddMember(new Member(id, name ?? $"{role} {nextId}", "Institute", role, groups)), Convener);
        return id;
    }

    public Guid[] AddDelegates(int count, string? region = null, string? sector = null) =>
        [.. Enumerable.Range(0, count).Select(_ => AddMember(Role.Delegate, region, sector))];

    /// <summary>Moves the dialogue one phase at a time, as the facilitator, to <paramref name="target"/>.</summary>
    public DialogueBuilder InPhase(Phase target)
    {
        while (Dialogue.Phase != target)
            Must(new SetPhase(Dialogue.Phase < target ? Dialogue.Phase + 1 : Dialogue.Phase - 1), Facilitator);
        return this;
    }

    // ---- statement ----

    /// <summary>Decides a statement command and, when accepted, applies its events.</summary>
    public Decision<StatementEvent> Decide(StatementCommand command, Guid actor)
    {
        var decision = Domain.Statements.Statement.Decide(Statement, command, Dialogue, actor, Now);
        if (decision.IsAccepted && decision.Events.Count > 0)
        {
            foreach (var e in decision.Events)
            {
                var before = Statement;
                var meta = new EventMeta(Statement.Version + 1, Now, actor);
                Statement = Domain.Statements.Statement.Apply(Statement, e, meta);
                statementHistory.Add((e, meta));
                scope.Add(new Review.ScopeEvent(scope.Count + 1, StatementId, e, meta));
                StatementEventApplied?.Invoke(before, e, Statement);
            }
            Now = Now.AddSeconds(1);
        }
        return decision;
    }

    /// <summary>
    /// Decides commands as one batch, as the statement grain does: a batch with a position or a
    /// range ends with the Threshold release, committed with it.
    /// </summary>
    public Decision<StatementEvent> DecideAsTheGrain(IReadOnlyList<StatementCommand> commands, Guid actor)
    {
        if (commands.Any(c => c is TakePosition or StateRange or RecordImportedPositions))
            commands = [.. commands, new ReleaseFigures(ReleaseTrigger.Threshold)];
        var decision = Batch.DecideAll(Statement, commands, (s, c) => Domain.Statements.Statement.Decide(s, c, Dialogue, actor, Now),
            Domain.Statements.Statement.Apply, Statement.Version, actor, Now);
        if (decision.IsAccepted && decision.Events.Count > 0)
        {
            foreach (var e in decision.Events)
            {
                var before = Statement;
                var meta = new EventMeta(Statement.Version + 1, Now, actor);
                Statement = Domain.Statements.Statement.Apply(Statement, e, meta);
                statementHistory.Add((e, meta));
                scope.Add(new Review.ScopeEvent(scope.Count + 1, StatementId, e, meta));
                StatementEventApplied?.Invoke(before, e, Statement);
            }
            Now = Now.AddSeconds(1);
        }
        return decision;
    }

    /// <summary>Takes a position as the statement grain commits it: with the Threshold release it may complete.</summary>
    public IReadOnlyList<StatementEvent> TakeAsTheGrain(Guid member, Guid clauseId, PositionKind position, string? optionId = null, string? note = null)
    {
        var decision = DecideAsTheGrain([new TakePosition(clauseId, RevisionOf(clauseId), position, note, optionId)], member);
        Assert.True(decision.IsAccepted, $"TakePosition was refused: {decision.Error}");
        return decision.Events;
    }

    public IReadOnlyList<StatementEvent> Must(StatementCommand command, Guid actor)
    {
        var decision = Decide(command, actor);
        Assert.True(decision.IsAccepted, $"{command.GetType().Name} was refused: {decision.Error}");
        return decision.Events;
    }

    /// <summary>Asserts the command is refused with no events and no change to the statement, and returns why.</summary>
    public RuleError Refused(StatementCommand command, Guid actor)
    {
        var before = DomainJson.Serialize(Statement);
        var decision = Decide(command, actor);
        Assert.False(decision.IsAccepted, $"{command.GetType().Name} was accepted.");
        Assert.Empty(decision.Events);
        Assert.Equal(before, DomainJson.Serialize(Statement));
        return decision.Error!;
    }

    /// <summary>Asserts the command is refused with no events and no change to the dialogue, and returns why.</summary>
    public RuleError Refused(DialogueCommand command, Guid actor)
    {
        var before = DomainJson.Serialize(Dialogue);
        var decision = Decide(command, actor);
        Assert.False(decision.IsAccepted, $"{command.GetType().Name} was accepted.");
        Assert.Empty(decision.Events);
        Assert.Equal(before, DomainJson.Serialize(Dialogue));
        return decision.Error!;
    }

    /// <summary>
    /// The freeze the statement grain would send: the two streams' heads at their current versions.
    /// The hashes stand in for the store's (the decider checks the versions; the store owns the hashes).
    /// </summary>
    public FreezeStatement Freeze() => new(Heads());

    public HistoryHeads Heads() => new(
        new StreamHead(StreamIds.Dialogue(DialogueId), Dialogue.Version, FakeHash($"{DialogueId}:{Dialogue.Version}")),
        new StreamHead(StreamIds.Statement(StatementId), Statement.Version, FakeHash($"{StatementId}:{Statement.Version}")));

    private static string FakeHash(string seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    /// <summary>Proposes a clause as the facilitator; the dialogue must be in Setup or Drafting.</summary>
    public Guid Clause(string text, ClauseKind kind = ClauseKind.Other, NumericParameter? parameter = null)
    {
        var id = NewId();
        Must(new ProposeClause(id, kind, text, Parameter: parameter), Facilitator);
        return id;
    }

    public ClauseState ClauseOf(Guid clauseId) => Statement.Clauses[clauseId];

    public int RevisionOf(Guid clauseId) => Statement.Clauses[clauseId].CurrentRevision;

    /// <summary>Takes a position at the clause's current revision.</summary>
    public void Take(Guid member, Guid clauseId, PositionKind position, string? optionId = null, string? note = null) =>
        Must(new TakePosition(clauseId, RevisionOf(clauseId), position, note, optionId), member);

    public void Take(IEnumerable<Guid> members, Guid clauseId, PositionKind position, string? optionId = null)
    {
        foreach (var member in members)
            Take(member, clauseId, position, optionId);
    }

    public void Range(Guid member, Guid clauseId, double low, double high) =>
        Must(new StateRange(clauseId, RevisionOf(clauseId), low, high), member);

    public void Revise(Guid clauseId, string text, RevisionKind kind, string? rationale = null) =>
        Must(new ReviseClause(clauseId, RevisionOf(clauseId), text, kind, rationale), Facilitator);

    /// <summary>Translates the clause's current revision as the facilitator.</summary>
    public void Translate(Guid clauseId, string language, string text) =>
        Must(new TranslateClause(clauseId, language, RevisionOf(clauseId), text), Facilitator);

    // ---- consensus ----

    public StatementConsensus Consensus() => ConsensusCalculator.Compute(Dialogue, Statement);

    public StatementConsensus ConsensusFor(Role viewer) => ConsensusRedaction.ForViewer(Consensus(), Dialogue, viewer);

    public ClauseConsensus ConsensusOf(Guid clauseId) => Consensus().Clauses.Single(c => c.ClauseId == clauseId);

    public ClauseStatus StatusOf(Guid clauseId) => ConsensusOf(clauseId).Status;

    public GroupConsensus Group(Guid clauseId, string dimension, string group) =>
        ConsensusOf(clauseId).Dimensions.Single(d => d.Name == dimension).Groups.Single(g => g.Group == group);
}
