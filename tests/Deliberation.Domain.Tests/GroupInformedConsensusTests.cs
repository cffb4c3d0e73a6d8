using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.Counts;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>GAC = Π_g (A_g + 1) / (S_g + 2) and its geometric mean, computed by hand.</summary>
public sealed class GroupInformedConsensusTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void GacIsTheProductOfSmoothedAgreementPerGroup()
    {
        // China: 2 support, 1 oppose → (2+1)/(3+2) = 3/5. United States: 1 support, 1 stand aside, 1 oppose → (1+1)/(3+2) = 2/5.
        var gac = GroupInformedConsensus.Of([Of(support: 2, oppose: 1), Of(support: 1, standAside: 1, oppose: 1)]);
        Assert.Equal(6.0 / 25.0, gac, Tolerance);
    }

    [Fact]
    public void StandAsideCountsAsRespondedLikeAPass() =>
        Assert.Equal(1.0 / 4.0, GroupInformedConsensus.Of([Of(standAside: 2)]), Tolerance); // (0+1)/(2+2)

    [Fact]
    public void AcceptCountsAsAgreeing() =>
        Assert.Equal(4.0 / 5.0, GroupInformedConsensus.Of([Of(support: 2, accept: 1)]), Tolerance); // (3+1)/(3+2)

    [Fact]
    public void BlockCountsAsRespondedNotAgreeing() =>
        Assert.Equal(2.0 / 4.0, GroupInformedConsensus.Of([Of(support: 1, block: 1)]), Tolerance); // (1+1)/(2+2)

    [Fact]
    public void StalePositionsAreNotResponses() =>
        Assert.Equal(2.0 / 3.0, GroupInformedConsensus.Of([Of(support: 1, stale: 4)]), Tolerance); // (1+1)/(1+2)

    [Fact]
    public void GroupWithNoResponsesContributesOneHalf() =>
        Assert.Equal(1.0 / 4.0, GroupInformedConsensus.Of([default, default]), Tolerance);

    [Fact]
    public void GeometricMeanIsTheRootByTheNumberOfGroups()
    {
        Assert.Equal(Math.Sqrt(6.0 / 25.0), GroupInformedConsensus.GeometricMean(6.0 / 25.0, 2), Tolerance);
        Assert.Equal(0.5, GroupInformedConsensus.GeometricMean(1.0 / 8.0, 3), Tolerance);
    }

    [Fact]
    public void GeometricMeanDoesNotShrinkWhenEquallyAgreeingGroupsAreAdded()
    {
        var one = GroupInformedConsensus.Of([Of(support: 2, oppose: 1)]);
        var four = GroupInformedConsensus.Of(Enumerable.Repeat(Of(support: 2, oppose: 1), 4));
        Assert.True(four < one);
        Assert.Equal(GroupInformedConsensus.GeometricMean(one, 1), GroupInformedConsensus.GeometricMean(four, 4), Tolerance);
    }

    [Fact]
    public void ClauseGacMultipliesEveryNonEmptyGroupOfEveryCountingDimension()
    {
        var dialogue = new DialogueBuilder();
        var chinaAcademia = dialogue.AddDelegates(2, China, Academia);
        var chinaIndustry = dialogue.AddMember(region: China, sector: Industry);
        var europe = dialogue.AddDelegates(2, Europe, Academia);
        var clause = dialogue.Clause("Autonomous replication or improvement is a red line.", ClauseKind.RedLine);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(chinaAcademia, clause, PositionKind.Support);
        dialogue.Take(chinaIndustry, clause, PositionKind.Oppose);
        dialogue.Take(europe[0], clause, PositionKind.StandAside);

        // Region: China (2+1)/(3+2), Europe (0+1)/(1+2); Sector: Academia (2+1)/(3+2), Industry (0+1)/(1+2).
        // United States, Global South, Government and Civil society are empty and ignored.
        var expected = 3.0 / 5 * (1.0 / 3) * (3.0 / 5) * (1.0 / 3);
        var consensus = dialogue.ConsensusOf(clause);
        Assert.Equal(expected, consensus.Gac, Tolerance);
        Assert.Equal(Math.Pow(expected, 1.0 / 4), consensus.GacGeometricMean, Tolerance);
        Assert.Equal(3.0 / 5 * (1.0 / 3), consensus.Dimensions.Single(d => d.Name == Region).Gac, Tolerance);
    }

    [Fact]
    public void ClauseGacLeavesOutDimensionsTheRuleDoesNotCount()
    {
        var dialogue = new DialogueBuilder(new ConsensusRules(new ConsensusRule(Dimensions: [Region]), System.Collections.Immutable.ImmutableDictionary<ClauseKind, ConsensusRule>.Empty));
        var members = dialogue.AddDelegates(3, China, Academia);
        var clause = dialogue.Clause("Deception of overseers is a red line.", ClauseKind.RedLine);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(members[..2], clause, PositionKind.Support);
        dialogue.Take(members[2], clause, PositionKind.Oppose);

        var consensus = dialogue.ConsensusOf(clause);
        Assert.Equal(3.0 / 5, consensus.Gac, Tolerance);
        Assert.Equal(3.0 / 5, consensus.GacGeometricMean, Tolerance);
        Assert.False(consensus.Dimensions.Single(d => d.Name == Sector).CountsForConsensus);
    }
}
