using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Statements;

public static partial class Statement
{
    /// <summary>
    /// Which clauses a release shows the room, and what (docs/domain.md, "Releases"). A clause is
    /// released once k distinct members changed since the room last saw it, so a release never
    /// tells the room what one person did; the chair may force one below k, and the release says so.
    /// An import's record is released whole. Nothing to release is no event, not a refusal: the
    /// system asks after every position.
    /// </summary>
    private static Decision<StatementEvent> DecideRelease(StatementState state, ReleaseFigures c, DialogueState dialogue, Member member)
    {
        if (!Enum.IsDefined(c.Trigger))
            return RuleError.Invalid("release.unknown-trigger", "A release is Threshold, ShowTheRoom, PhaseChange or Import.");
        if (c.Trigger == ReleaseTrigger.ShowTheRoom && Chair(member) is { } notChair)
            return notChair;
        // Import shows figures below k: only the organiser running an import asks for it (the edge refuses it from clients).
        if (c.Trigger == ReleaseTrigger.Import && Organiser(member) is { } notOrganiser)
            return notOrganiser;
        if (c.Trigger != ReleaseTrigger.ShowTheRoom && (c.ClauseId is not null || c.Force))
            return RuleError.Invalid("release.system-trigger", "Only the chair's ShowTheRoom names a clause or forces a release.");

        var k = dialogue.Settings.MinimumGroupSize;
        // Only members who still vote count: a changer since removed or demoted moves no figure the room sees.
        int Changes(ClauseState clause) => clause.ChangedSinceRelease.Count(id =>
            dialogue.MemberOrNull(id) is { } changer && changer.Role.MayTakePositions(dialogue.Rules.For(clause.Kind).FacilitatorsVote));
        IEnumerable<ClauseState> candidates;
        if (c.ClauseId is { } clauseId)
        {
            if (state.ClauseOrNull(clauseId) is not { } named)
                return ClauseNotFound;
            var changes = Changes(named);
            if (changes > 0 && changes < k && !c.Force)
                return TooFewChanges(changes, k);
            candidates = [named];
        }
        else
            candidates = state.OrderedClauses;

        var chosen = candidates.Where(clause => c.Trigger switch
        {
            ReleaseTrigger.Import => true,
            _ when c.Force => Changes(clause) > 0,
            _ => Changes(clause) >= k,
        }).ToArray();
        if (chosen.Length == 0)
            return Decision<StatementEvent>.Accept();

        var roster = RosterIndex.Of(dialogue);
        roster.VotersBySlot(state.Slots); // one map of slots to voters for every clause released (ConsensusCalculator.Compute)
        var releases = chosen.Select(clause => new ClauseRelease(
            clause.Id,
            Changes(clause),
            Forced: c.Trigger == ReleaseTrigger.ShowTheRoom && Changes(clause) < k,
            Disclosure.ForRoom(ConsensusCalculator.EvaluateClause(roster, dialogue.Rules, clause), dialogue),
            NotesOf(clause, roster))).ToImmutableArray();
        return Decision<StatementEvent>.Accept(new FiguresReleased(c.Trigger, releases));
    }

    /// <summary>The reservation notes of the clause's counted positions (on it and on its options): text only, in ordinal order, so nothing ties one to a person or a moment.</summary>
    private static ImmutableArray<string> NotesOf(ClauseState clause, RosterIndex roster) =>
        [.. clause.OptionPositions.Values.Prepend(clause.Positions)
            .SelectMany(positions => positions)
            .Where(p => p.Value.Note is not null && clause.IsCurrent(p.Value) && roster.VoterOrNull(p.Key) is not null)
            .Select(p => p.Value.Note!)
            .Order(StringComparer.Ordinal)];

    private static RuleError TooFewChanges(int changes, int k) => RuleError.Conflict("release.too-few-changes",
        (changes == 1
            ? "Only 1 person has changed position here since the room last saw it"
            : $"Only {changes} people have changed position here since the room last saw it")
        + $" (k = {k}): releasing now may let the room tell what {(changes == 1 ? "that person" : "those people")} said. Send force to release anyway.");
}
