using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Polis;

namespace Deliberation.Server.Polis;

/// <summary>
/// Every command a Pol.is import runs, decided up front (docs/api.md, "Pol.is imports"): one dimension
/// of Pol.is's opinion groups, one delegate per voter (unclustered voters belong to no group), one
/// clause per comment keeping its id, and the latest votes as positions. Rejected comments come in
/// withdrawn, so their ids survive a round trip. <see cref="DecideAsync"/> judges them with the pure
/// domain, exactly as the grains would in this order, and hands each stream's events on as decided.
/// </summary>
public sealed class ImportPlan : IDisposable
{
    public const string GroupDimension = "Pol.is group";
    public const string StatementTitle = "Pol.is comments";

    /// <summary>Positions judged and handed on at a time: memory holds this many events, not every vote.</summary>
    private const int PositionsPerDecision = 10_000;

    // Where the votes come from when the positions are decided: the conversation as read, or the file
    // read again row by row (so the job holds no vote of its own: docs/performance.md, "Imports of any size").
    private readonly IReadOnlyList<PolisParticipant>? participants;
    private readonly Stream? participantsVotes;
    private readonly PolisLimits limits;
    private readonly Dictionary<int, Guid> voters;
    private readonly Dictionary<int, Guid> clauses;

    private ImportPlan(PolisConversation conversation, CreateDialogue create, Stream? participantsVotes, PolisLimits limits)
    {
        (this.participantsVotes, this.limits) = (participantsVotes, limits);
        participants = participantsVotes is null ? conversation.Participants : null;
        Create = create;
        voters = conversation.Participants.ToDictionary(p => p.Id, _ => Guid.NewGuid());
        clauses = conversation.Comments.ToDictionary(c => c.Id, _ => Guid.NewGuid());
        Members = [.. conversation.Participants.Select(p => (DialogueCommand)new AddMember(new Member(
            voters[p.Id], $"Participant {p.Id}", null, Role.Delegate,
            p.GroupId is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(GroupDimension, p.GroupId),
            p.Id.ToString(CultureInfo.InvariantCulture))))];
        Drafting = [.. conversation.Comments.OrderBy(c => c.Id).SelectMany(c => ClauseOf(c, clauses[c.Id]))];
        Positions = conversation.Participants.Sum(p => (long)p.Votes.Count);
        RowsRead = conversation.Comments.Count + conversation.Participants.Count;
    }

    public CreateDialogue Create { get; }

    public Guid DialogueId => Create.DialogueId;

    public Guid StatementId { get; } = Guid.NewGuid();

    public IReadOnlyList<DialogueCommand> Members { get; }

    public IReadOnlyList<StatementCommand> Drafting { get; }

    public int Clauses => Drafting.OfType<ProposeClause>().Count();

    public int Participants => Members.Count;

    public long Positions { get; }

    /// <summary>The rows the files held: comments and participants (votes are counted as positions).</summary>
    public long RowsRead { get; }

    /// <summary>
    /// The events writing the plan stores, before it is decided: one per command, as the domain decides
    /// them (a withdrawn comment's is its own command), and the creation's, the statement's and the release's.
    /// </summary>
    public long EstimatedEvents => 4 + Members.Count + Drafting.Count + 1 + Positions;

    /// <summary>The statement as the last decision left it; what a grain loading the stream would hold.</summary>
    public StatementState? FinalStatement { get; private set; }

    /// <summary>The final statement, let go by the plan: the job holds the plan to its end, and the statement is the largest thing in it.</summary>
    public StatementState? TakeFinalStatement()
    {
        var statement = FinalStatement;
        FinalStatement = null;
        return statement;
    }

    /// <summary>
    /// The plan of a conversation as read. Given <paramref name="participantsVotes"/>, the file the
    /// conversation's participants were read from (whole, so known to be good: <see cref="PolisReader.Read"/>),
    /// the plan takes it over and reads the votes from it again, row by row, when it decides the positions,
    /// and keeps none of the conversation's (<paramref name="limits"/> are those it was read with).
    /// </summary>
    public static ImportPlan Of(PolisConversation conversation, string title, string importerName, Stream? participantsVotes = null, PolisLimits? limits = null)
    {
        var groups = conversation.Participants.Select(p => p.GroupId).OfType<string>().Distinct()
            .OrderBy(g => int.TryParse(g, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(g => g, StringComparer.Ordinal)
            .ToImmutableArray();
        ImmutableArray<Dimension> dimensions = groups.IsEmpty ? [] : [new Dimension(GroupDimension, groups)];
        var create = new CreateDialogue(Guid.NewGuid(),
            new DialogueSettings(title, Description: "Imported from a Pol.is conversation export.", Confidentiality: ConfidentialityMode.Anonymous),
            dimensions, null, importerName, null);
        return new ImportPlan(conversation, create, participantsVotes, limits ?? PolisImporter.Limits);
    }

    /// <summary>Closes the participants-votes file the plan took over, if it did.</summary>
    public void Dispose() => participantsVotes?.Dispose();

    /// <summary>
    /// Decides the whole import against empty states, in the order the grains would run it, and hands
    /// each accepted step's events to <paramref name="emit"/> with their stream. Answers the first
    /// refusal; what was emitted before it is the caller's to discard.
    /// </summary>
    public async Task<RuleError?> DecideAsync(Guid importer, DateTimeOffset now, Func<string, IReadOnlyList<DomainEvent>, Task> emit, ImportPhases? phases = null)
    {
        var dialogueStream = StreamIds.Dialogue(DialogueId);
        var statementStream = StreamIds.Statement(StatementId);
        var dialogue = DialogueState.Initial(DialogueId);
        var statement = StatementState.Initial(StatementId);

        async Task<RuleError?> Run(IEnumerable<DialogueCommand> commands)
        {
            var decision = Batch.DecideAll(dialogue, commands, (s, c) => Dialogue.Decide(s, c, importer, now), Dialogue.Apply, dialogue.Version, importer, now);
            if (decision.Error is { } error)
                return error;
            foreach (var e in decision.Events)
                dialogue = Dialogue.Apply(dialogue, e, new EventMeta(dialogue.Version + 1, now, importer));
            await emit(dialogueStream, decision.Events);
            return null;
        }
        async Task<RuleError?> RunStatement(IEnumerable<StatementCommand> commands, StatementState? basis = null)
        {
            var decision = Batch.DecideAll(basis ?? statement, commands, (s, c) => Statement.Decide(s, c, dialogue, importer, now), Statement.Apply, (basis ?? statement).Version, importer, now);
            if (decision.Error is { } error)
                return error;
            foreach (var e in decision.Events)
                statement = Statement.Apply(statement, e, new EventMeta(statement.Version + 1, now, importer));
            await emit(statementStream, decision.Events);
            return null;
        }

        var refused = await Run([Create, new AddStatement(StatementId, StatementTitle)])
            ?? await RunStatement([new CreateStatement(StatementId, DialogueId, StatementTitle)])
            ?? await Run(Members)
            ?? await RunStatement(Drafting)
            ?? await Run([new SetPhase(Phase.Deliberation)]);
        if (refused is not null)
            return refused;
        // Each share of the positions is judged on the statement before any position, as one
        // RecordImportedPositions would judge them all (a position's check never reads another's),
        // so no list of every vote is ever held.
        // One command a share, so it is decided straight, not through Batch.DecideAll, which would
        // apply every position once more to a state nobody reads (a third of the decide time).
        // Nothing reads the statement between the shares, so their positions go into a tally and the
        // statement is built from it once (ImportedPositionsTally: no immutable state per position).
        var beforePositions = statement;
        var tally = new ImportedPositionsTally(beforePositions, importer, now);
        foreach (var share in PositionShares())
        {
            var deciding = ImportPhases.Start();
            var decision = Statement.Decide(beforePositions, new RecordImportedPositions(share), dialogue, importer, now);
            phases?.Add("decide positions", deciding);
            if (decision.Error is { } error)
                return error;
            var applying = ImportPhases.Start();
            tally.Add(decision.Events);
            phases?.Add("apply positions", applying);
            await emit(statementStream, decision.Events);
        }
        var building = ImportPhases.Start();
        statement = tally.Build();
        phases?.Add("apply positions", building);
        // The one release, on the statement with every position: the room sees a historical record
        // whole, under the room folding (docs/security.md, "Disclosure control").
        refused = await RunStatement([new ReleaseFigures(ReleaseTrigger.Import)]);
        FinalStatement = statement;
        return refused;
    }

    private IEnumerable<ImmutableArray<ImportedPosition>> PositionShares()
    {
        var share = ImmutableArray.CreateBuilder<ImportedPosition>(PositionsPerDecision);
        foreach (var p in Rows())
        {
            foreach (var v in p.Votes)
            {
                share.Add(new ImportedPosition(voters[p.Id], clauses[v.Key], PolisImporter.PositionOf(v.Value)));
                if (share.Count == PositionsPerDecision)
                {
                    yield return share.DrainToImmutable();
                }
            }
        }
        if (share.Count > 0)
            yield return share.DrainToImmutable();
    }

    private IEnumerable<PolisParticipant> Rows()
    {
        if (participantsVotes is null)
            return participants!;
        participantsVotes.Position = 0;
        return PolisReader.ReadParticipantRows(participantsVotes, clauses.Keys, limits);
    }

    private static IEnumerable<StatementCommand> ClauseOf(PolisComment comment, Guid clauseId)
    {
        var text = string.IsNullOrWhiteSpace(comment.Body) ? "(empty comment)" : comment.Body;
        yield return new ProposeClause(clauseId, ClauseKind.Other, text, comment.Id.ToString(CultureInfo.InvariantCulture));
        if (comment.Moderated < 0)
            yield return new WithdrawClause(clauseId, "Rejected by the Pol.is moderator.");
    }
}
