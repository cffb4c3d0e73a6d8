using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// Solves a funding floor (docs/consensus.md): a delegate supports value v when low ≤ v ≤ high; at each
/// grid value a group's share is supporters / members who stated a range, and the group meets the
/// rule as for a clause (quorum over its members, threshold, no blocks). A sweep over the grid with
/// per-group difference arrays makes this O(ranges + grid × groups).
/// </summary>
public static class FundingFloorSolver
{
    public static FundingFloorAgreement Solve(RosterIndex roster, ClauseState clause, ConsensusRule rule)
    {
        var parameter = clause.Parameter ?? NumericParameter.ShareOfResearch;
        var size = parameter.GridSize;
        var groups = roster.Groups.Length;
        var diff = new int[groups, size + 1];
        var stated = new int[groups];

        foreach (var (participant, range) in clause.Ranges)
        {
            if (!clause.IsCurrent(range) || roster.VoterOrNull(participant) is not { } voter || (voter.IsFacilitator && !rule.FacilitatorsVote))
                continue;
            var (first, last) = GridSpan(parameter, range);
            foreach (var g in voter.GroupByDimension)
            {
                if (g < 0)
                    continue;
                stated[g]++;
                if (first > last)
                    continue;
                diff[g, first]++;
                diff[g, last + 1]--;
            }
        }

        var curves = ImmutableArray.CreateBuilder<GroupCurve>(groups);
        for (var g = 0; g < groups; g++)
        {
            var supporting = new int[size];
            for (int i = 0, running = 0; i < size; i++)
                supporting[i] = running += diff[g, i];
            var (d, name) = roster.Groups[g];
            curves.Add(new GroupCurve(roster.Dimensions[d].Name, name, roster.Members(g, rule), stated[g], [.. supporting]));
        }
        return Summarise(parameter, curves.MoveToImmutable(), rule);
    }

    /// <summary>Zone and best value from curves; also used on folded curves, so both views agree on the arithmetic.</summary>
    public static FundingFloorAgreement Summarise(NumericParameter parameter, ImmutableArray<GroupCurve> curves, ConsensusRule rule)
    {
        var counting = curves.Where(c => c.Members > 0 && rule.Counts(c.Dimension)).ToArray();
        var zone = ImmutableArray.CreateBuilder<ValueInterval>();
        double? best = null, bestShare = null;
        int? zoneStart = null;
        var size = parameter.GridSize;
        for (var i = 0; i < size; i++)
        {
            var all = counting.Length > 0;
            var minimum = double.MaxValue;
            foreach (var curve in counting)
            {
                var counts = new PositionCounts(curve.Supporting[i], 0, 0, curve.Stated - curve.Supporting[i], 0, 0);
                all &= ConsensusArithmetic.MeetsRule(counts, curve.Members, rule);
                // A group that stated no range has no view on the value: it cannot pick the best one.
                if (ConsensusArithmetic.Share(counts) is { } share)
                    minimum = Math.Min(minimum, share);
            }
            if (counting.Length > 0 && counting.Any(c => c.Stated > 0) && (bestShare is null || minimum >= bestShare))
                (best, bestShare) = (parameter.GridValue(i), minimum); // ">=": ties go to the highest value
            if (all && zoneStart is null)
                zoneStart = i;
            if ((!all || i == size - 1) && zoneStart is { } start)
            {
                zone.Add(new ValueInterval(parameter.GridValue(start), parameter.GridValue(all ? i : i - 1)));
                zoneStart = null;
            }
        }
        // A smallest share of 0 everywhere means no value has support in every group that stated a range (or
        // nobody supports any value at all): the tie rule would then name the top of the grid, which is no
        // best value but an artefact, so there is none.
        if (bestShare is not > 0)
            (best, bestShare) = (null, null);
        return new FundingFloorAgreement(parameter.Name, parameter.Unit, parameter.Min, parameter.Max, parameter.Step, zone.ToImmutable(), best, bestShare, curves);
    }

    /// <summary>The grid indexes a range covers, with a little tolerance so 33.5 lands on the 33.5 grid point.</summary>
    private static (int First, int Last) GridSpan(NumericParameter p, StatedRange range)
    {
        const double tolerance = 1e-9;
        var first = (int)Math.Max(0, Math.Ceiling((range.Low - p.Min) / p.Step - tolerance));
        var last = (int)Math.Min(p.GridSize - 1, Math.Floor((range.High - p.Min) / p.Step + tolerance));
        return (first, last);
    }
}
