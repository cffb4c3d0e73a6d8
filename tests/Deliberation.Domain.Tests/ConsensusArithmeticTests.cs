using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using static Deliberation.Domain.Tests.Fixtures.Counts;

namespace Deliberation.Domain.Tests;

/// <summary>docs/consensus.md for one group, worked by hand: share, quorum, meeting the rule, and needed(g).</summary>
public sealed class ConsensusArithmeticTests
{
    private static readonly ConsensusRule Standard = ConsensusRule.Default;
    private static readonly ConsensusRule NoVeto = new(BlockIsVeto: false);

    [Fact]
    public void DefaultRuleIsTwoThirdsOfHalfTheGroupWithBlockAsVeto()
    {
        Assert.Equal(2.0 / 3.0, Standard.Threshold);
        Assert.Equal(0.5, Standard.Quorum);
        Assert.True(Standard.BlockIsVeto);
        Assert.False(Standard.FacilitatorsVote);
    }

    [Fact]
    public void TwoSupportersAndOneOpponentGiveAShareOfTwoThirds() =>
        Assert.Equal(2.0 / 3.0, ConsensusArithmetic.Share(Of(support: 2, oppose: 1)));

    [Fact]
    public void TwoSupportersAndOneOpponentInAGroupOfThreeMeetATwoThirdsThreshold() =>
        Assert.True(ConsensusArithmetic.MeetsRule(Of(support: 2, oppose: 1), 3, Standard));

    [Fact]
    public void OneSupporterAndOneOpponentDoNotMeetATwoThirdsThreshold()
    {
        Assert.Equal(0.5, ConsensusArithmetic.Share(Of(support: 1, oppose: 1)));
        Assert.False(ConsensusArithmetic.MeetsRule(Of(support: 1, oppose: 1), 2, Standard));
        Assert.False(ConsensusArithmetic.MeetsRule(Of(support: 1, oppose: 1), 3, Standard));
    }

    [Fact]
    public void AcceptCountsAsAgreeing() =>
        Assert.Equal(2.0 / 3.0, ConsensusArithmetic.Share(Of(support: 1, accept: 1, oppose: 1)));

    [Fact]
    public void StandAsideIsNotInTheSharesDenominator()
    {
        // 2 / (2 + 1), not 2 / 4: standing aside neither helps nor hurts.
        Assert.Equal(2.0 / 3.0, ConsensusArithmetic.Share(Of(support: 2, standAside: 1, oppose: 1)));
        Assert.True(ConsensusArithmetic.MeetsRule(Of(support: 2, standAside: 1, oppose: 1), 4, Standard));
        Assert.Equal(1.0, ConsensusArithmetic.Share(Of(support: 1, standAside: 5)));
    }

    [Fact]
    public void BlockIsInTheSharesDenominator() =>
        Assert.Equal(2.0 / 3.0, ConsensusArithmetic.Share(Of(support: 2, block: 1)));

    [Fact]
    public void OneBlockStopsAGroupMeetingTheRuleWhenBlockIsAVeto()
    {
        var counts = Of(support: 4, block: 1); // share 4/5 would pass
        Assert.False(ConsensusArithmetic.MeetsRule(counts, 5, Standard));
        Assert.True(ConsensusArithmetic.MeetsRule(counts, 5, NoVeto));
    }

    [Fact]
    public void ShareIsUndefinedWhenNobodyDecided()
    {
        Assert.Null(ConsensusArithmetic.Share(default));
        Assert.Null(ConsensusArithmetic.Share(Of(standAside: 3)));
        Assert.Null(ConsensusArithmetic.Share(Of(stale: 3)));
    }

    [Fact]
    public void GroupWhereEveryoneStandsAsideDoesNotMeetTheRule() =>
        Assert.False(ConsensusArithmetic.MeetsRule(Of(standAside: 3), 3, Standard));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(7, 4)]
    [InlineData(20_000, 10_000)]
    public void QuorumIsHalfTheMembersRoundedUp(int members, int quorum) =>
        Assert.Equal(quorum, ConsensusArithmetic.QuorumOf(members, 0.5));

    [Fact]
    public void SixtyPercentOfFiveIsExactlyThree()
    {
        // In binary floating point 0.6 × 5 is 3.0000000000000004, whose ceiling would be 4.
        Assert.Equal(3, ConsensusArithmetic.QuorumOf(5, 0.6));
        Assert.Equal(7, ConsensusArithmetic.QuorumOf(10, 0.7));
        Assert.Equal(6, ConsensusArithmetic.QuorumOf(20, 0.3));
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(6, 4)]
    [InlineData(9, 6)]
    [InlineData(10, 7)]
    [InlineData(20_000, 13_334)]
    public void TwoThirdsQuorumOfAMultipleOfThreeIsExactlyTwoThirds(int members, int quorum) =>
        Assert.Equal(quorum, ConsensusArithmetic.QuorumOf(members, 2.0 / 3.0));

    [Theory]
    [InlineData(7, 5)]
    [InlineData(14, 10)]
    [InlineData(8, 6)]
    public void FiveSeventhsQuorumIsExact(int members, int quorum) =>
        Assert.Equal(quorum, ConsensusArithmetic.QuorumOf(members, 5.0 / 7.0));

    [Fact]
    public void FullQuorumNeedsEveryone() => Assert.Equal(7, ConsensusArithmetic.QuorumOf(7, 1.0));

    [Fact]
    public void ZeroQuorumNeedsNobody() => Assert.Equal(0, ConsensusArithmetic.QuorumOf(7, 0.0));

    [Fact]
    public void GroupBelowQuorumDoesNotMeetTheRuleHoweverUnanimous()
    {
        Assert.False(ConsensusArithmetic.MeetsRule(Of(support: 2), 5, Standard)); // 2 < ceil(2.5) = 3
        Assert.True(ConsensusArithmetic.MeetsRule(Of(support: 3), 5, Standard));
    }

    [Fact]
    public void StalePositionsDoNotCountTowardsTheQuorum() =>
        Assert.False(ConsensusArithmetic.MeetsRule(Of(support: 1, stale: 3), 4, Standard)); // responded 1 < 2

    [Fact]
    public void GroupWithoutMembersNeverMeetsTheRuleAndNeedsNobody()
    {
        Assert.False(ConsensusArithmetic.MeetsRule(default, 0, Standard));
        Assert.Equal(0, ConsensusArithmetic.Needed(default, 0, Standard));
    }

    [Fact]
    public void ThresholdIsInclusive()
    {
        var rule = new ConsensusRule(Threshold: 0.6);
        Assert.True(ConsensusArithmetic.MeetsRule(Of(support: 3, oppose: 2), 5, rule)); // 3/5 = 0.6
        Assert.False(ConsensusArithmetic.MeetsRule(Of(support: 3, oppose: 3), 6, rule));
    }

    [Fact]
    public void UnanimityIsNotBrokenByStandingAside()
    {
        var unanimity = new ConsensusRule(Threshold: 1.0);
        Assert.True(ConsensusArithmetic.MeetsRule(Of(support: 4, standAside: 1), 5, unanimity));
        Assert.False(ConsensusArithmetic.MeetsRule(Of(support: 4, oppose: 1), 5, unanimity));
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(support: 4, oppose: 1), 5, unanimity));
    }

    // ---- needed(g), hand-worked ----

    [Fact]
    public void GroupThatMeetsTheRuleNeedsNobody() =>
        Assert.Equal(0, ConsensusArithmetic.Needed(Of(support: 2, oppose: 1), 3, Standard));

    [Fact]
    public void SilentGroupNeedsItsQuorum()
    {
        Assert.Equal(2, ConsensusArithmetic.Needed(default, 4, Standard)); // ceil(0.5 × 4) = 2 silent move
        Assert.Equal(3, ConsensusArithmetic.Needed(default, 5, Standard));
        Assert.Equal(1, ConsensusArithmetic.Needed(default, 1, Standard));
    }

    [Fact]
    public void QuorumBoundGroupNeedsSilentMembersUpToTheQuorum()
    {
        // 10 members, 2 support: unanimous but 2 < 5 responded, so 3 silent members must come in.
        Assert.Equal(3, ConsensusArithmetic.Needed(Of(support: 2), 10, Standard));
    }

    [Fact]
    public void QuorumAndShareBothBindWhenFewRespondAndSomeOppose()
    {
        // 10 members; 1 support, 2 oppose. Two silent joining in reach the quorum (5) at 3/5 = 0.6;
        // one opponent more moving gives 4/5. So 3.
        Assert.Equal(3, ConsensusArithmetic.Needed(Of(support: 1, oppose: 2), 10, Standard));
    }

    [Fact]
    public void SixtyPercentQuorumOfFiveNeedsOneMoreAfterTwo() =>
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(support: 2), 5, new ConsensusRule(Quorum: 0.6)));

    [Fact]
    public void StalePositionsMustBeGivenAgain()
    {
        // Three positions on an earlier substantive revision count as silence: 2 must reconfirm.
        Assert.Equal(2, ConsensusArithmetic.Needed(Of(stale: 3), 3, Standard));
    }

    [Fact]
    public void AllStandingAsideNeedsOneSupporter() =>
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(standAside: 3), 3, Standard));

    [Fact]
    public void OpponentsMoveUntilTheShareIsReached()
    {
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(support: 1, oppose: 2), 3, Standard)); // 2/3
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(support: 1, oppose: 1), 2, Standard)); // 2/2
        // 1/5 → 2/5 → 3/5 → 4/5: three opponents must move.
        Assert.Equal(3, ConsensusArithmetic.Needed(Of(support: 1, oppose: 4), 5, Standard));
    }

    [Fact]
    public void MovingAnOpponentHelpsMoreThanWinningOverAStandAside()
    {
        // 2 support, 2 oppose, 2 stand aside: one opponent moving gives 3/4; one stand-aside only 3/5.
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(support: 2, standAside: 2, oppose: 2), 6, Standard));
    }

    [Fact]
    public void WithVetoEveryBlockerMustMove()
    {
        // 5 support, 2 block: 5/7 passes the threshold, but both blockers must move.
        Assert.Equal(2, ConsensusArithmetic.Needed(Of(support: 5, block: 2), 7, Standard));
        Assert.Equal(0, ConsensusArithmetic.Needed(Of(support: 5, block: 2), 7, NoVeto));
    }

    [Fact]
    public void WithoutVetoABlockCountsLikeAnOpposition()
    {
        // 1 support, 2 block in a group of 3: with veto both blockers move (3/3); without, one is enough (2/3).
        Assert.Equal(2, ConsensusArithmetic.Needed(Of(support: 1, block: 2), 3, Standard));
        Assert.Equal(1, ConsensusArithmetic.Needed(Of(support: 1, block: 2), 3, NoVeto));
    }

    [Fact]
    public void BlockersAndSilenceAddUp()
    {
        // 6 members, 1 support, 1 block, 4 silent: the blocker moves and 1 silent joins to reach 3 responded.
        Assert.Equal(2, ConsensusArithmetic.Needed(Of(support: 1, block: 1), 6, Standard));
    }
}
