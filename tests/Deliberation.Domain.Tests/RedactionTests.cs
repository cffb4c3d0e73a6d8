using Deliberation.Domain.Consensus;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>What each viewer may see of the matrix (docs/domain.md, confidentiality modes), with k = 3.</summary>
public sealed class RedactionTests
{
    private static (DialogueBuilder Dialogue, Guid Clause) Room(ConfidentialityMode mode, int china, int us, int europe, int globalSouth)
    {
        var dialogue = new DialogueBuilder(confidentiality: mode, minimumGroupSize: 3);
        var members = new Dictionary<string, Guid[]>
        {
            [China] = dialogue.AddDelegates(china, China),
            [UnitedStates] = dialogue.AddDelegates(us, UnitedStates),
            [Europe] = dialogue.AddDelegates(europe, Europe),
            [GlobalSouth] = dialogue.AddDelegates(globalSouth, GlobalSouth),
        };
        var clause = dialogue.Clause("Third-party evaluations before deployment.", ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Deliberation);
        foreach (var group in members.Values)
        {
            dialogue.Take(group.Take(1), clause, PositionKind.Support);
            dialogue.Take(group.Skip(1).Take(1), clause, PositionKind.Oppose);
            dialogue.Take(group.Skip(2), clause, PositionKind.Accept);
        }
        return (dialogue, clause);
    }

    private static DimensionConsensus RegionSeenBy(DialogueBuilder dialogue, Guid clause, Role viewer) =>
        dialogue.ConsensusFor(viewer).Clauses.Single(c => c.ClauseId == clause).Dimensions.Single(d => d.Name == Region);

    [Fact]
    public void DelegateSeesGroupsSmallerThanKFoldedIntoOtherGroups()
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 5, us: 4, europe: 1, globalSouth: 2);

        var region = RegionSeenBy(dialogue, clause, Role.Delegate);

        Assert.Equal([China, UnitedStates, ConsensusRedaction.FoldedRowName], region.Groups.Select(g => g.Group));
        var other = region.Groups[^1];
        Assert.Equal([Europe, GlobalSouth], other.FoldedGroups.ToArray());
        // Europe: 1 support; Global South: 1 support, 1 oppose.
        Assert.Equal((3, 2, 1), (other.Members, other.Support, other.Oppose));
        Assert.Equal(2.0 / 3.0, other.Share);
        Assert.True(other.MeetsRule);
    }

    [Fact]
    public void ASingleSmallGroupIsFoldedWithAnotherSoItCannotBeSubtractedFromTheTotal()
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 5, us: 4, europe: 1, globalSouth: 0);

        var region = RegionSeenBy(dialogue, clause, Role.Delegate);

        Assert.DoesNotContain(region.Groups, g => g.Group == Europe);
        var other = region.Groups.Single(g => g.Group == ConsensusRedaction.FoldedRowName);
        Assert.Contains(Europe, other.FoldedGroups);
        var foldedWithMembers = other.FoldedGroups.Count(g => dialogue.Group(clause, Region, g).Members > 0);
        Assert.True(foldedWithMembers >= 2, "Europe must share its row with another group that has members.");
        Assert.True(other.Members >= 3);
        // The total is still the whole dimension.
        Assert.Equal(10, region.Total.Members);
    }

    [Fact]
    public void TwoSmallGroupsBelowKTogetherPullInTheNextSmallest()
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 6, us: 3, europe: 1, globalSouth: 1);

        var other = RegionSeenBy(dialogue, clause, Role.Delegate).Groups.Single(g => g.Group == ConsensusRedaction.FoldedRowName);

        // Europe and Global South hold 2 < k members together, so the smallest shown group joins them.
        Assert.Equal([UnitedStates, Europe, GlobalSouth], other.FoldedGroups.ToArray());
        Assert.Equal(5, other.Members);
    }

    [Fact]
    public void NothingIsFoldedWhenEveryGroupHasAtLeastK()
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 3, us: 3, europe: 4, globalSouth: 5);
        Assert.Equal([China, UnitedStates, Europe, GlobalSouth], RegionSeenBy(dialogue, clause, Role.Delegate).Groups.Select(g => g.Group));
    }

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.Convener)]
    public void ChairSeesEveryGroupInChathamHouse(Role viewer)
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 5, us: 4, europe: 1, globalSouth: 2);

        var region = RegionSeenBy(dialogue, clause, viewer);

        Assert.Equal([China, UnitedStates, Europe, GlobalSouth], region.Groups.Select(g => g.Group));
        Assert.Equal(DomainJson.Serialize(dialogue.Consensus()), DomainJson.Serialize(dialogue.ConsensusFor(viewer)));
    }

    [Theory]
    [InlineData(Role.Observer)]
    [InlineData(Role.Rapporteur)]
    public void EveryoneButTheChairSeesFoldedGroupsInChathamHouse(Role viewer)
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 5, us: 4, europe: 1, globalSouth: 2);
        Assert.DoesNotContain(RegionSeenBy(dialogue, clause, viewer).Groups, g => g.Group is Europe or GlobalSouth);
    }

    [Fact]
    public void AnonymousModeFoldsForFacilitatorsToo()
    {
        var (dialogue, clause) = Room(ConfidentialityMode.Anonymous, china: 5, us: 4, europe: 1, globalSouth: 2);

        var region = RegionSeenBy(dialogue, clause, Role.Facilitator);

        Assert.Equal([China, UnitedStates, ConsensusRedaction.FoldedRowName], region.Groups.Select(g => g.Group));
        Assert.False(ConsensusRedaction.SeesNames(ConfidentialityMode.Anonymous, Role.Facilitator));
    }

    [Theory]
    [InlineData(Role.Delegate)]
    [InlineData(Role.Observer)]
    [InlineData(Role.Facilitator)]
    public void AttributedModeFoldsNothing(Role viewer)
    {
        var (dialogue, clause) = Room(ConfidentialityMode.Attributed, china: 5, us: 4, europe: 1, globalSouth: 2);

        Assert.Equal([China, UnitedStates, Europe, GlobalSouth], RegionSeenBy(dialogue, clause, viewer).Groups.Select(g => g.Group));
        Assert.True(ConsensusRedaction.SeesNames(ConfidentialityMode.Attributed, viewer));
    }

    [Theory]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Facilitator, true)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Delegate, false)]
    [InlineData(ConfidentialityMode.ChathamHouse, Role.Observer, false)]
    [InlineData(ConfidentialityMode.Anonymous, Role.Convener, false)]
    public void OnlyChairsSeeNamesInChathamHouse(ConfidentialityMode mode, Role viewer, bool seesNames) =>
        Assert.Equal(seesNames, ConsensusRedaction.SeesNames(mode, viewer));

    [Fact]
    public void RedactionKeepsTheStatusButComputesTheGacFromTheRowsShown()
    {
        var (dialogue, clause) = Room(ConfidentialityMode.ChathamHouse, china: 5, us: 4, europe: 1, globalSouth: 2);
        var seen = dialogue.ConsensusFor(Role.Delegate).Clauses.Single();

        Assert.Equal(dialogue.StatusOf(clause), seen.Status);
        // A gac over the real groups would carry Europe's lone member's factor: the room's is China, United States and "Other groups".
        var rows = seen.Dimensions.Single(d => d.Name == Region).Groups;
        Assert.Equal(GroupInformedConsensus.Of(rows.Select(r => r.Counts)), seen.Gac);
        Assert.Equal(GroupInformedConsensus.GeometricMean(seen.Gac, 3), seen.GacGeometricMean);
        Assert.NotEqual(dialogue.ConsensusOf(clause).Gac, seen.Gac);
    }

    [Fact]
    public void OptionsAndFundingFloorCurvesAreFoldedToo()
    {
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(4, China);
        var europe = dialogue.AddMember(region: Europe);
        dialogue.AddMember(region: GlobalSouth);
        var clause = dialogue.Clause("Spend [one third | 20%] of AI R&D on safety.", ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(europe, clause, PositionKind.Support, "1.1");
        dialogue.Range(europe, clause, 20, 33.5);
        dialogue.Range(china[0], clause, 10, 20);

        var seen = dialogue.ConsensusFor(Role.Delegate).Clauses.Single();

        var option = seen.Options[0].Dimensions.Single(d => d.Name == Region);
        Assert.DoesNotContain(option.Groups, g => g.Group == Europe);
        var curves = seen.FundingFloor!.Curves.Where(c => c.Dimension == Region).ToArray();
        Assert.DoesNotContain(curves, c => c.Group == Europe);
        var folded = curves.Single(c => c.Group == ConsensusRedaction.FoldedRowName);
        Assert.Contains(Europe, folded.FoldedGroups);
        Assert.Equal(1, folded.Supporting[(int)(25 / 0.5)]);
    }
}
