using System.Collections.Immutable;
using System.Globalization;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Polis;
using Deliberation.Server.Services;

namespace Deliberation.Server.Polis;

/// <summary>
/// Turns a Pol.is conversation into a dialogue (DESIGN §6): one dimension of Pol.is's opinion
/// groups, one delegate per voter (unclustered voters belong to no group, so they count in no
/// group), one clause per comment keeping its id, and the latest votes as positions. Rejected
/// comments come in withdrawn, so their ids survive a round trip. Each step is one commit.
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
        var groups = conversation.Participants.Select(p => p.GroupId).OfType<string>().Distinct()
            .OrderBy(g => int.TryParse(g, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue).ThenBy(g => g, StringComparer.Ordinal)
            .ToImmutableArray();
        ImmutableArray<Dimension> dimensions = groups.IsEmpty ? [] : [new Dimension(GroupDimension, groups)];
        var create = new CreateDialogue(Guid.NewGuid(),
            new DialogueSettings(title, Description: "Imported from a Pol.is conversation export.", Confidentiality: ConfidentialityMode.Anonymous),
            dimensions, null, importerName, null);
        var (dialogueId, created) = await dialogues.CreateDialogueAsync(importer, create);
        if (!created.Accepted)
            return (null, created.Error);

        var voters = conversation.Participants.ToDictionary(p => p.Id, _ => Guid.NewGuid());
        var members = conversation.Participants.Select(p => (DialogueCommand)new AddMember(new Member(
            voters[p.Id], $"Participant {p.Id}", null, Role.Delegate,
            p.GroupId is null ? ImmutableDictionary<string, string>.Empty : ImmutableDictionary<string, string>.Empty.Add(GroupDimension, p.GroupId),
            p.Id.ToString(CultureInfo.InvariantCulture)))).ToList();
        if (await dialogues.ExecuteAsync(dialogueId, members, importer) is { Accepted: false } rostered)
            return (null, rostered.Error);

        var (statementId, added) = await dialogues.AddStatementAsync(dialogueId, "Pol.is comments", importer);
        if (!added.Accepted)
            return (null, added.Error);
        var clauses = conversation.Comments.OrderBy(c => c.Id).ToDictionary(c => c.Id, _ => Guid.NewGuid());
        var drafting = conversation.Comments.OrderBy(c => c.Id).SelectMany(c => ClauseOf(c, clauses[c.Id])).ToList();
        if (await dialogues.ExecuteAsync(dialogueId, statementId, drafting, importer) is { Accepted: false } drafted)
            return (null, drafted.Error);

        if (await dialogues.ExecuteAsync(dialogueId, new SetPhase(Phase.Deliberation), importer) is { Accepted: false } opened)
            return (null, opened.Error);
        var positions = conversation.Participants
            .SelectMany(p => p.Votes.Select(v => new ImportedPosition(voters[p.Id], clauses[v.Key], PositionOf(v.Value))))
            .ToImmutableArray();
        if (await dialogues.ExecuteAsync(dialogueId, statementId, new RecordImportedPositions(positions), importer) is { Accepted: false } voted)
            return (null, voted.Error);
        return (new Imported(dialogueId, statementId, clauses.Count, voters.Count, positions.Length), null);
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
