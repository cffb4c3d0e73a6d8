using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// Who holds out on a clause and why, as one viewer may see it (docs/consensus.md, "Holdouts";
/// docs/security.md, "Disclosure control"). Pure: the server and the tests call the same function.
/// </summary>
public static class Holdouts
{
    /// <summary>
    /// The chairs and the rapporteur run the meeting and need it; delegates and observers may not
    /// ask (they would learn more than the room is shown).
    /// </summary>
    public static bool MayView(Role role) => role.Chairs() || role == Role.Rapporteur;

    public static RuleError NotAllowed => RuleError.Forbidden("holdouts.not-allowed",
        "Only the facilitator, the convener and the rapporteur see who holds out on a clause.");

    /// <summary>
    /// The clause's holdouts for a viewer of <paramref name="role"/> (who must <see cref="MayView"/>).
    /// A viewer who sees names sees live figures too (both follow the mode), so she gets each holdout
    /// by name with her note and the live needs. Everyone else is a release viewer: the notes and
    /// figures of the clause's last release only — live notes would appear the moment their writer
    /// acted, and the moment is enough to tell who wrote them.
    /// </summary>
    public static ClauseHoldouts Of(ClauseState clause, DialogueState dialogue, Role role)
    {
        var roster = RosterIndex.Of(dialogue);
        var named = ConsensusRedaction.SeesNames(dialogue.Settings.Confidentiality, role);
        var figures = Disclosure.SeesLiveFigures(dialogue.Settings.Confidentiality, role)
            ? ConsensusCalculator.EvaluateClause(roster, dialogue.Rules, clause)
            : Disclosure.Released(clause, dialogue, roster);
        var voters = VotersOf(clause, dialogue);
        return new ClauseHoldouts(
            clause.Id,
            clause.CurrentRevision,
            named,
            named ? PeopleOf(clause, dialogue, voters) : [],
            named ? [] : clause.LastRelease?.Notes ?? [],
            StaleVoters(clause, dialogue).Length,
            NeedsOf(figures));
    }

    /// <summary>
    /// The voters whose position on the clause (or on any of its options) was given on an older
    /// revision and not given again since: the people a reminder goes to.
    /// </summary>
    public static ImmutableArray<Guid> StaleVoters(ClauseState clause, DialogueState dialogue)
    {
        var voters = VotersOf(clause, dialogue);
        return [.. AllPositions(clause)
            .Where(p => voters.Contains(p.Voter) && !clause.IsCurrent(p.Position))
            .Select(p => p.Voter)
            .Distinct()
            .Order()];
    }

    private static ImmutableHashSet<Guid> VotersOf(ClauseState clause, DialogueState dialogue)
    {
        var facilitatorsVote = dialogue.Rules.For(clause.Kind).FacilitatorsVote;
        return [.. dialogue.Roster.Values.Where(m => m.Role.MayTakePositions(facilitatorsVote)).Select(m => m.ParticipantId)];
    }

    private static IEnumerable<(string? OptionId, Guid Voter, Position Position)> AllPositions(ClauseState clause) =>
        clause.Positions.Select(p => ((string?)null, p.Key, p.Value))
            .Concat(clause.OptionPositions.SelectMany(o => o.Value.Select(p => ((string?)o.Key, p.Key, p.Value))));

    private static ImmutableArray<Holdout> PeopleOf(ClauseState clause, DialogueState dialogue, ImmutableHashSet<Guid> voters) =>
        [.. AllPositions(clause)
            .Where(p => voters.Contains(p.Voter))
            .Where(p => !clause.IsCurrent(p.Position) || p.Position.Kind is PositionKind.Oppose or PositionKind.Block)
            .Select(p => new Holdout(p.Voter, dialogue.Roster[p.Voter].DisplayName, p.OptionId, p.Position.Kind, p.Position.Revision, !clause.IsCurrent(p.Position), p.Position.Note))
            // Blocks first (they stop the clause alone), then opposition, then the stale; by name within each.
            .OrderBy(h => h.Stale)
            .ThenByDescending(h => h.Kind)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ThenBy(h => h.OptionId, StringComparer.Ordinal)];

    /// <summary>The groups the rule counts that do not meet it in these figures, and how many more supporters each needs.</summary>
    public static ImmutableArray<GroupNeed> NeedsOf(ClauseConsensus figures) =>
        [.. figures.Dimensions.Where(d => d.CountsForConsensus)
            .SelectMany(d => d.Groups
                .Where(g => g.Members > 0 && !g.MeetsRule)
                .Select(g => new GroupNeed(d.Name, g.Group, g.Members, g.Needed, g.FoldedGroups.IsDefault ? [] : g.FoldedGroups)))];
}
