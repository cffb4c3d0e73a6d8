using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// What a viewer may see of the matrix (docs/domain.md). Outside Attributed mode, groups with fewer
/// than k members are not shown on their own — to anyone in Anonymous mode, to all but the chair
/// in ChathamHouse. They fold into one "Other groups" row. Folding goes on until that row holds at
/// least two groups and k members (or every group): with one group folded, its counts would be
/// the dimension total minus the rows shown.
/// </summary>
public static class ConsensusRedaction
{
    public const string FoldedRowName = "Other groups";

    public static bool FoldsSmallGroups(ConfidentialityMode mode, Role viewer) => mode switch
    {
        ConfidentialityMode.Attributed => false,
        ConfidentialityMode.ChathamHouse => !viewer.Chairs(),
        _ => true,
    };

    /// <summary>Whether the viewer may learn who took which position (names beside positions).</summary>
    public static bool SeesNames(ConfidentialityMode mode, Role viewer) => mode switch
    {
        ConfidentialityMode.Attributed => true,
        ConfidentialityMode.ChathamHouse => viewer.Chairs(),
        _ => false,
    };

    public static StatementConsensus ForViewer(StatementConsensus consensus, DialogueState dialogue, Role viewer)
    {
        if (!FoldsSmallGroups(dialogue.Settings.Confidentiality, viewer))
            return consensus;
        var k = dialogue.Settings.MinimumGroupSize;
        return consensus with { Clauses = [.. consensus.Clauses.Select(c => Fold(c, dialogue.Rules.For(c.Kind), k))] };
    }

    private static ClauseConsensus Fold(ClauseConsensus clause, ConsensusRule rule, int k) => clause with
    {
        Dimensions = [.. clause.Dimensions.Select(d => Fold(d, rule, k))],
        Options = [.. clause.Options.Select(o => Fold(o, rule, k))],
        FundingFloor = clause.FundingFloor is { } floor ? Fold(floor, rule, k) : null,
    };

    private static DimensionConsensus Fold(DimensionConsensus dimension, ConsensusRule rule, int k)
    {
        var folded = GroupsToFold(dimension.Groups.Select(g => (g.Group, g.Members)).ToArray(), k);
        if (folded.Count == 0)
            return dimension;
        var hidden = dimension.Groups.Where(g => folded.Contains(g.Group)).ToArray();
        var counts = hidden.Aggregate(default(PositionCounts), (sum, g) => sum + g.Counts);
        var row = ClauseEvaluator.Group(FoldedRowName, counts, hidden.Sum(g => g.Members), rule, [.. hidden.Select(g => g.Group)]);
        return dimension with { Groups = [.. dimension.Groups.Where(g => !folded.Contains(g.Group)), row] };
    }

    private static FundingFloorAgreement Fold(FundingFloorAgreement floor, ConsensusRule rule, int k)
    {
        var curves = new List<GroupCurve>();
        foreach (var byDimension in floor.Curves.GroupBy(c => c.Dimension))
        {
            var folded = GroupsToFold(byDimension.Select(c => (c.Group, c.Members)).ToArray(), k);
            curves.AddRange(byDimension.Where(c => !folded.Contains(c.Group)));
            var hidden = byDimension.Where(c => folded.Contains(c.Group)).ToArray();
            if (hidden.Length == 0)
                continue;
            var supporting = Enumerable.Range(0, hidden[0].Supporting.Length).Select(i => hidden.Sum(c => c.Supporting[i]));
            curves.Add(new GroupCurve(byDimension.Key, FoldedRowName, hidden.Sum(c => c.Members), hidden.Sum(c => c.Stated), [.. supporting], [.. hidden.Select(c => c.Group)]));
        }
        return floor with { Curves = [.. curves] };
    }

    /// <summary>Groups below k, then more of the smallest until the fold is safe to show.</summary>
    public static HashSet<string> GroupsToFold(IReadOnlyList<(string Group, int Members)> groups, int k)
    {
        var small = groups.Where(g => g.Members > 0 && g.Members < k).Select(g => g.Group).ToHashSet();
        if (small.Count == 0)
            return small;
        foreach (var (group, _) in groups.Where(g => !small.Contains(g.Group)).OrderBy(g => g.Members))
        {
            var members = groups.Where(g => small.Contains(g.Group)).Sum(g => g.Members);
            if (small.Count >= 2 && members >= k)
                break;
            small.Add(group);
        }
        return small;
    }
}
