using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// docs/consensus.md to the letter, for one group: share, whether it meets the rule, and how many
/// members would have to move. Every consensus figure the product shows comes from here.
/// </summary>
public static class ConsensusArithmetic
{
    /// <summary>(support + accept) / (support + accept + oppose + block); null when nobody decided.</summary>
    public static double? Share(PositionCounts counts) =>
        counts.Decided == 0 ? null : (double)counts.Agreeing / counts.Decided;

    /// <summary>
    /// ceil(quorum × members), in decimal so 0.6 × 5 is 3 and not 3.0000000000000004. The double
    /// converts to 15 significant digits (2/3 → 0.666666666666667), so the product is rounded to 9
    /// places first: otherwise a quorum of 2/3 of 3 members would be 3, not 2.
    /// </summary>
    public static int QuorumOf(int members, double quorum) => (int)Math.Ceiling(Math.Round((decimal)quorum * members, 9));

    public static bool MeetsRule(PositionCounts counts, int members, ConsensusRule rule) =>
        members > 0
        && counts.Responded >= QuorumOf(members, rule.Quorum)
        && Share(counts) is { } share && share >= rule.Threshold
        && (!rule.BlockIsVeto || counts.Block == 0);

    /// <summary>
    /// The fewest members who would have to move to Support or Accept — from anything else,
    /// silence and stale positions included — for the group to meet the rule. Moving more people
    /// never hurts, so the answer is found by bisection over <see cref="BestMoves"/>: O(log members).
    /// </summary>
    public static int Needed(PositionCounts counts, int members, ConsensusRule rule)
    {
        if (members <= 0 || MeetsRule(counts, members, rule))
            return 0;
        int low = 1, high = members;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (MeetsRule(BestMoves(counts, members, rule, mid), members, rule))
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    /// <summary>
    /// The counts after the <paramref name="moves"/> most helpful moves: blockers first (a veto
    /// needs all of them), then silent members up to the quorum, then opposers (they raise the share
    /// most), then stand-asides and the remaining silent.
    /// </summary>
    internal static PositionCounts BestMoves(PositionCounts c, int members, ConsensusRule rule, int moves)
    {
        var silent = Math.Max(0, members - c.Responded);
        int block = c.Block, oppose = c.Oppose, standAside = c.StandAside, agree = c.Agreeing;

        int Take(ref int pool, int wanted)
        {
            var taken = Math.Min(pool, Math.Min(wanted, moves));
            pool -= taken;
            moves -= taken;
            agree += taken;
            return taken;
        }

        if (rule.BlockIsVeto)
            Take(ref block, block);
        Take(ref silent, Math.Max(0, QuorumOf(members, rule.Quorum) - c.Responded));
        Take(ref oppose, oppose);
        Take(ref block, block);
        Take(ref standAside, standAside);
        Take(ref silent, silent);
        return new PositionCounts(agree, 0, standAside, oppose, block, Stale: silent);
    }
}
