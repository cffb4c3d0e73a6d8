using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Polis;
using Deliberation.Server.Services;

namespace Deliberation.Server.Polis;

/// <summary>
/// Turns a Pol.is conversation into a dialogue (docs/api.md): one dimension of Pol.is's opinion
/// groups, one delegate per voter (unclustered voters belong to no group, so they count in no
/// group), one clause per comment keeping its id, and the latest votes as positions. Rejected
/// comments come in withdrawn, so their ids survive a round trip. The whole import is decided in
/// memory first; only then does each step commit, so input the rules refuse stores nothing.
/// </summary>
public sealed class PolisImporter(DialogueService dialogues)
{
    public const string GroupDimension = "Pol.is group";

    public static PolisLimits Limits { get; } = PolisLimits.Default with
    {
        MaxComments = Domain.Limits.ClausesPerStatement,
        MaxParticipants = Domain.Limits.RosterSize - 1,
        MaxCommentBodyLength = Domain.Limits.ClauseTextLength,
    };

    public sealed record Imported(Guid DialogueId, Guid StatementId, int Clauses, int Participants, int Positions);

    public async Task<(Imported? Result, RuleError? Error)> ImportAsync(PolisConversation conversation, string title, Guid importer, string importerName)
    {
        var plan = Plan.Of(conversation, title, importerName);
        // Judged in memory by the pure domain first, so a conversation the rules refuse stores nothing.
        if (plan.DryRun(importer, DateTimeOffset.UtcNow) is { } refused)
            return (null, refused);

        var (dialogueId, created) = await dialogues.CreateDialogueAsync(importer, plan.Create);
        var (statementId, added) = created.Accepted ? await dialogues.AddStatementAsync(dialogueId, plan.StatementTitle, importer, plan.StatementId) : (plan.StatementId, created);
        var outcome = !added.Accepted ? added
            : await dialogues.ExecuteAsync(dialogueId, plan.Members, importer) is { Accepted: false } rostered ? rostered
            : await dialogues.ExecuteAsync(dialogueId, statementId, plan.Drafting, importer) is { Accepted: false } drafted ? drafted
            : await dialogues.ExecuteAsync(dialogueId, plan.Open, importer) is { Accepted: false } opened ? opened
            : await dialogues.ExecuteAsync(dialogueId, statementId, plan.PositionsAndRelease, importer);
        return outcome.Accepted
            ? (new Imported(dialogueId, statementId, plan.Drafting.OfType<ProposeClause>().Count(), plan.Members.Count, plan.Positions.Positions.Length), null)
            : (null, outcome.Error);
    }

    /// <summary>Every command an import runs, decided up front.</summary>
    private sealed record Plan(
        CreateDialogue Create, Guid StatementId, string StatementTitle, IReadOnlyList<DialogueCommand> Members,
        IReadOnlyList<StatementCommand> Drafting, SetPhase Open, RecordImportedPositions Positions)
    {
        public static Plan Of(PolisConversation conversation, string title, string importerName)
        {
            var groups = conversation.Participants.Select(p => p.GroupId).OfType<string>().Distinct()
                .OrderBy(g => int.TryParse(g, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(g => g, StringComparer.Ordinal)
                .ToImmutableArray();
            ImmutableArray<Dimension> dimensions = groups.IsEmpty ? [] : [new Dimension(GroupDimension, groups)];
            var create = new CreateDialogue(Guid.NewGuid(),
                new DialogueSettings(title, Description: "Imported from a Pol.is conversation export.", Confidentiality: ConfidentialityMode.Anonymous),
                dimensions, null, importerName, null);
            var voters = conversation.Participants.ToDictionary(p => p.Id, _ => Guid.NewGuid());
            var members = conversation.Participants.Select(p => (DialogueCommand)new AddMember(new Member(
                voters[p.Id], $"Participant {p.Id}", null, Role.Delegate,
                p.GroupId is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(GroupDimension, p.GroupId),
                p.Id.ToString(CultureInfo.InvariantCulture)))).ToList();
            var clauses = conversation.Comments.OrderBy(c => c.Id).ToDictionary(c => c.Id, _ => Guid.NewGuid());
            var drafting = conversation.Comments.OrderBy(c => c.Id).SelectMany(c => ClauseOf(c, clauses[c.Id])).ToList();
            var positions = conversation.Participants
                .SelectMany(p => p.Votes.Select(v => new ImportedPosition(voters[p.Id], clauses[v.Key], PositionOf(v.Value))))
                .ToImmutableArray();
            return new Plan(create, Guid.NewGuid(), "Pol.is comments", members, drafting, new SetPhase(Phase.Deliberation), new RecordImportedPositions(positions));
        }

        /// <summary>
        /// The positions and their one release, committed together: a historical record is shown to
        /// the room whole, under the room folding (docs/security.md, "Disclosure control").
        /// </summary>
        public IReadOnlyList<StatementCommand> PositionsAndRelease => [Positions, new ReleaseFigures(ReleaseTrigger.Import)];

        /// <summary>The import decided against empty in-memory states, in the order it will run; the first refusal, if any.</summary>
        public RuleError? DryRun(Guid importer, DateTimeOffset now)
        {
            var dialogue = DialogueState.Initial(Create.DialogueId);
            var statement = StatementState.Initial(StatementId);
            var version = 0L;
            RuleError? Run(IEnumerable<DialogueCommand> commands)
            {
                var decision = Batch.DecideAll(dialogue, commands, (s, c) => Dialogue.Decide(s, c, importer, now), Dialogue.Apply, dialogue.Version, importer, now);
                foreach (var e in decision.Events)
                    dialogue = Dialogue.Apply(dialogue, e, new EventMeta(++version, now, importer));
                return decision.Error;
            }
            RuleError? RunStatement(IEnumerable<StatementCommand> commands)
            {
                var decision = Batch.DecideAll(statement, commands, (s, c) => Statement.Decide(s, c, dialogue, importer, now), Statement.Apply, statement.Version, importer, now);
                foreach (var e in decision.Events)
                    statement = Statement.Apply(statement, e, new EventMeta(statement.Version + 1, now, importer));
                return decision.Error;
            }
            return Run([Create, new AddStatement(StatementId, StatementTitle)])
                ?? RunStatement([new CreateStatement(StatementId, Create.DialogueId, StatementTitle)])
                ?? Run(Members)
                ?? RunStatement(Drafting)
                ?? Run([Open])
                ?? RunStatement(PositionsAndRelease);
        }
    }

    private static IEnumerable<StatementCommand> ClauseOf(PolisComment comment, Guid clauseId)
    {
        var text = string.IsNullOrWhiteSpace(comment.Body) ? "(empty comment)" : comment.Body;
        yield return new ProposeClause(clauseId, ClauseKind.Other, text, comment.Id.ToString(CultureInfo.InvariantCulture));
        if (comment.Moderated < 0)
            yield return new WithdrawClause(clauseId, "Rejected by the Pol.is moderator.");
    }

    /// <summary>Pol.is: 1 agree, -1 disagree, 0 pass.</summary>
    public static PositionKind PositionOf(int vote) => vote switch
    {
        1 => PositionKind.Support,
        -1 => PositionKind.Oppose,
        _ => PositionKind.StandAside,
    };
}
