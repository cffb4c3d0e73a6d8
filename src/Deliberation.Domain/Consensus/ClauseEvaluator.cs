using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>Turns a clause's tally into its figures and status. Both the full and the incremental calculation end here.</summary>
public static class ClauseEvaluator
{
    public static ClauseConsensus Evaluate(RosterIndex roster, ClauseTally tally, ClauseState clause, string? optionId, ConsensusRule rule)
    {
        var dimensions = ImmutableArray.CreateBuilder<DimensionConsensus>(roster.Dimensions.Length);
        var countingGroups = new List<GroupConsensus>();
        for (var d = 0; d < roster.Dimensions.Length; d++)
        {
            var dimension = roster.Dimensions[d];
            var counts = rule.Counts(dimension.Name) || dimension.Name == RosterIndex.ImplicitDimension;
            var groups = ImmutableArray.CreateBuilder<GroupConsensus>(dimension.Groups.Length);
            for (var g = 0; g < dimension.Groups.Length; g++)
            {
                var flat = roster.DimensionOffsets[d] + g;
                var group = Group(dimension.Groups[g], tally.CountsOf(flat, rule.FacilitatorsVote), roster.Members(flat, rule), rule);
                groups.Add(group);
                if (counts && group.Members > 0)
                    countingGroups.Add(group);
            }
            var built = groups.MoveToImmutable();
            var total = Group("Total", built.Aggregate(default(PositionCounts), (sum, g) => sum + g.Counts), built.Sum(g => g.Members), rule);
            dimensions.Add(new DimensionConsensus(dimension.Name, counts, GroupInformedConsensus.Of(built.Where(g => g.Members > 0).Select(g => g.Counts)), built, total));
        }

        var gac = GroupInformedConsensus.Of(countingGroups.Select(g => g.Counts));
        var status = clause.Withdrawn ? ClauseStatus.Withdrawn : Status(tally.AnyBlock(rule.FacilitatorsVote) && rule.BlockIsVeto, countingGroups, rule);
        return new ClauseConsensus(clause.Id, optionId, clause.ExternalId, clause.Kind, clause.CurrentRevision, status, gac,
            GroupInformedConsensus.GeometricMean(gac, countingGroups.Count), dimensions.MoveToImmutable(), [], null);
    }

    public static GroupConsensus Group(string name, PositionCounts counts, int members, ConsensusRule rule, ImmutableArray<string> folded = default) => new(
        name, members, counts.Support, counts.Accept, counts.StandAside, counts.Oppose, counts.Block, counts.Stale,
        Silent: Math.Max(0, members - counts.Responded - counts.Stale),
        ConsensusArithmetic.Share(counts),
        ConsensusArithmetic.MeetsRule(counts, members, rule),
        ConsensusArithmetic.Needed(counts, members, rule),
        folded);

    /// <summary>
    /// docs/consensus.md's ladder: Blocked, Agreed, Pending, Gathering, NearConsensus, Contested. A clause no
    /// voter can reach (no non-empty group) stays Pending rather than being vacuously Agreed. Pending and
    /// Gathering come before NearConsensus because "needs at most one more" is true of a silent group of one
    /// or two: without them a room where nobody has spoken reads as nearly agreed.
    /// </summary>
    public static ClauseStatus Status(bool vetoed, IReadOnlyCollection<GroupConsensus> countingGroups, ConsensusRule rule)
    {
        if (vetoed)
            return ClauseStatus.Blocked;
        if (countingGroups.Count == 0)
            return ClauseStatus.Pending;
        if (countingGroups.All(g => g.MeetsRule))
            return ClauseStatus.Agreed;
        if (countingGroups.All(g => g.Counts.Responded == 0))
            return ClauseStatus.Pending;
        if (countingGroups.Any(g => g.Counts.Responded < ConsensusArithmetic.QuorumOf(g.Members, rule.Quorum)))
            return ClauseStatus.Gathering;
        if (countingGroups.Where(g => !g.MeetsRule).All(g => g.Needed <= 1))
            return ClauseStatus.NearConsensus;
        return ClauseStatus.Contested;
    }
}
