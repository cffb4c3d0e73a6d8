using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// The consensus matrix computed from scratch: for any state, including one rebuilt at a past
/// moment. <see cref="ConsensusTracker"/> keeps the same figures up to date incrementally.
/// </summary>
public static class ConsensusCalculator
{
    public static StatementConsensus Compute(DialogueState dialogue, StatementState statement, DateTimeOffset? at = null)
    {
        var roster = new RosterIndex(dialogue);
        // The statement's numbering first: every clause on it (all, for a replayed state) is counted with this one map.
        roster.VotersBySlot(statement.Slots);
        var clauses = statement.OrderedClauses.Select(c => EvaluateClause(roster, dialogue.Rules, c)).ToImmutableArray();
        return new StatementConsensus(statement.Id, statement.Version, at, HasConsensus(clauses), clauses);
    }

    public static ClauseConsensus EvaluateClause(RosterIndex roster, ConsensusRules rules, ClauseState clause)
    {
        var rule = rules.For(clause.Kind);
        var main = ClauseEvaluator.Evaluate(roster, ClauseTally.Count(roster, clause, null), clause, null, rule);
        return main with { Options = EvaluateOptions(roster, rule, clause), FundingFloor = FundingFloorOf(roster, rule, clause) };
    }

    internal static ImmutableArray<ClauseConsensus> EvaluateOptions(RosterIndex roster, ConsensusRule rule, ClauseState clause) =>
        [.. clause.Bracketed.Slots.SelectMany(s => s.Options)
            .Select(o => ClauseEvaluator.Evaluate(roster, ClauseTally.Count(roster, clause, o.Id), clause, o.Id, rule))];

    internal static FundingFloorAgreement? FundingFloorOf(RosterIndex roster, ConsensusRule rule, ClauseState clause) =>
        clause.Parameter is null ? null : FundingFloorSolver.Solve(roster, clause, rule);

    /// <summary>The statement has consensus when it has text and every clause is Agreed or withdrawn.</summary>
    public static bool HasConsensus(IReadOnlyCollection<ClauseConsensus> clauses) => HasConsensus(clauses.Select(c => c.Status).ToList());

    public static bool HasConsensus(IReadOnlyCollection<ClauseStatus> statuses) =>
        statuses.Any(s => s != ClauseStatus.Withdrawn)
        && statuses.All(s => s is ClauseStatus.Agreed or ClauseStatus.Withdrawn);
}
