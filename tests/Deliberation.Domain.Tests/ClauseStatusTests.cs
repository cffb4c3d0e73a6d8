using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// Clause status through the whole engine (Decide → Apply → ConsensusCalculator), in docs/consensus.md's
/// ladder: Blocked → Agreed → Pending → Gathering → NearConsensus → Contested.
/// </summary>
public sealed class ClauseStatusTests
{
    private static ConsensusRules Rules(ConsensusRule rule) => new(rule, ImmutableDictionary<ClauseKind, ConsensusRule>.Empty);

    private static (DialogueBuilder Dialogue, Guid Clause) RedLine(ConsensusRules? rules = null)
    {
        var dialogue = new DialogueBuilder(rules);
        var clause = dialogue.Clause("AI systems must not assist in the development of weapons of mass destruction.", ClauseKind.RedLine);
        return (dialogue, clause);
    }

    [Fact]
    public void TwoSupportersAndOneOpponentInAGroupOfThreeAgreeTheClause()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(3, China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..2], clause, PositionKind.Support);
        dialogue.Take(china[2], clause, PositionKind.Oppose);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal((3, 2, 0, 1, 0, 0), (group.Members, group.Support, group.StandAside, group.Oppose, group.Block, group.Silent));
        Assert.Equal(2.0 / 3.0, group.Share);
        Assert.True(group.MeetsRule);
        Assert.Equal(0, group.Needed);
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void OneSupporterAndOneOpponentDoNotAgreeTheClause()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(2, China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[0], clause, PositionKind.Support);
        dialogue.Take(china[1], clause, PositionKind.Oppose);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal(0.5, group.Share);
        Assert.False(group.MeetsRule);
        Assert.Equal(1, group.Needed);
        Assert.NotEqual(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void OneBlockBlocksTheClauseWhenBlockIsAVeto()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(4, China);
        var europe = dialogue.AddDelegates(3, Europe);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..3], clause, PositionKind.Support);
        dialogue.Take(china[3], clause, PositionKind.Block);
        dialogue.Take(europe, clause, PositionKind.Support);

        Assert.Equal(ClauseStatus.Blocked, dialogue.StatusOf(clause));
        Assert.False(dialogue.Group(clause, Region, China).MeetsRule);
        Assert.Equal(1, dialogue.Group(clause, Region, China).Needed);
    }

    [Fact]
    public void OneBlockDoesNotBlockTheClauseWhenVetoIsOff()
    {
        var (dialogue, clause) = RedLine(Rules(new ConsensusRule(BlockIsVeto: false)));
        var china = dialogue.AddDelegates(4, China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..3], clause, PositionKind.Support);
        dialogue.Take(china[3], clause, PositionKind.Block);

        Assert.Equal(3.0 / 4.0, dialogue.Group(clause, Region, China).Share);
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void BlockInAGroupTheRuleDoesNotCountStillBlocks()
    {
        // The veto is a person's, not a group's: it holds wherever the blocker sits.
        var (dialogue, clause) = RedLine(Rules(new ConsensusRule(Dimensions: [Region])));
        var china = dialogue.AddDelegates(3, China);
        var unaffiliated = dialogue.AddMember(sector: Industry);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support);
        dialogue.Take(unaffiliated, clause, PositionKind.Block);

        Assert.Equal(ClauseStatus.Blocked, dialogue.StatusOf(clause));
    }

    [Fact]
    public void StandAsideIsNotCountedAgainstTheClause()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(4, China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..2], clause, PositionKind.Support);
        dialogue.Take(china[2..], clause, PositionKind.StandAside);

        var group = dialogue.Group(clause, Region, China);
        Assert.Equal(1.0, group.Share);
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void EmptyGroupsAreIgnored()
    {
        // Only China has members; the three other regions and every sector are empty.
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(3, China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support);

        var europe = dialogue.Group(clause, Region, Europe);
        Assert.Equal((0, 0, false, 0), (europe.Members, europe.Silent, europe.MeetsRule, europe.Needed));
        Assert.Null(europe.Share);
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void ClauseIsAgreedOnlyWhenEveryNonEmptyGroupOfEveryDimensionMeetsTheRule()
    {
        var (dialogue, clause) = RedLine();
        var chinaAcademia = dialogue.AddDelegates(3, China, Academia);
        var usIndustry = dialogue.AddDelegates(2, UnitedStates, Industry);
        var usAcademia = dialogue.AddMember(region: UnitedStates, sector: Academia);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(chinaAcademia, clause, PositionKind.Support);
        dialogue.Take(usAcademia, clause, PositionKind.Support);
        dialogue.Take(usIndustry[0], clause, PositionKind.Support);
        dialogue.Take(usIndustry[1], clause, PositionKind.Oppose);

        // Region: China 3/3, United States 2/3 — both meet. Sector: Academia 4/4, but Industry 1/2 fails.
        Assert.True(dialogue.Group(clause, Region, UnitedStates).MeetsRule);
        Assert.False(dialogue.Group(clause, Sector, Industry).MeetsRule);
        Assert.Equal(ClauseStatus.NearConsensus, dialogue.StatusOf(clause));

        dialogue.Take(usIndustry[1], clause, PositionKind.Accept);
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void NearConsensusWhenEachFailingGroupNeedsOneMoreSupporter()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(3, China);
        var us = dialogue.AddDelegates(3, UnitedStates);
        var europe = dialogue.AddDelegates(3, Europe);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..2], clause, PositionKind.Support);
        dialogue.Take(china[2], clause, PositionKind.Oppose);
        dialogue.Take(us[0], clause, PositionKind.Support); // US: 1 support, 1 oppose, 1 silent → 1 needed
        dialogue.Take(us[1], clause, PositionKind.Oppose);
        dialogue.Take(europe[0], clause, PositionKind.Support); // Europe: 1 support, 1 oppose, quorum 2 reached → 1 needed
        dialogue.Take(europe[1], clause, PositionKind.Oppose);

        Assert.Equal(1, dialogue.Group(clause, Region, UnitedStates).Needed);
        Assert.Equal(1, dialogue.Group(clause, Region, Europe).Needed);
        Assert.Equal(ClauseStatus.NearConsensus, dialogue.StatusOf(clause));
    }

    [Fact]
    public void GatheringWhileSomeGroupIsBelowItsQuorumEvenIfItNeedsOnlyOneMore()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(3, China);
        var europe = dialogue.AddDelegates(4, Europe);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..2], clause, PositionKind.Support); // China: 2/3 share, quorum 2 reached → meets
        dialogue.Take(china[2], clause, PositionKind.Oppose);
        dialogue.Take(europe[0], clause, PositionKind.Support); // Europe: responded 1 < ceil(0.5 × 4) = 2

        var europeFigures = dialogue.Group(clause, Region, Europe);
        Assert.Equal((1, 1, false), (europeFigures.Counts.Responded, europeFigures.Needed, europeFigures.MeetsRule));
        Assert.Equal(ClauseStatus.Gathering, dialogue.StatusOf(clause));

        dialogue.Take(europe[1], clause, PositionKind.Oppose); // quorum reached; share 1/2 → one more needed
        Assert.Equal(ClauseStatus.NearConsensus, dialogue.StatusOf(clause));
    }

    [Fact]
    public void GatheringRatherThanContestedWhileAGroupIsBelowItsQuorum()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(3, China);
        dialogue.AddDelegates(4, Europe);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Oppose); // China needs 2; Europe has not spoken at all

        Assert.Equal(2, dialogue.Group(clause, Region, China).Needed);
        Assert.Equal(ClauseStatus.Gathering, dialogue.StatusOf(clause));
    }

    [Fact]
    public void ContestedWhenSomeGroupNeedsMoreThanOneAndSomeoneResponded()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(3, China);
        var us = dialogue.AddDelegates(3, UnitedStates);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support);
        dialogue.Take(us, clause, PositionKind.Oppose);

        Assert.Equal(2, dialogue.Group(clause, Region, UnitedStates).Needed);
        Assert.Equal(ClauseStatus.Contested, dialogue.StatusOf(clause));
    }

    [Fact]
    public void PendingWhenNobodyHasRespondedAndGroupsNeedMoreThanOne()
    {
        var (dialogue, clause) = RedLine();
        dialogue.AddDelegates(3, China);
        dialogue.AddDelegates(4, Europe);

        var china = dialogue.Group(clause, Region, China);
        Assert.Equal((3, 0, 2), (china.Silent, china.Support, china.Needed));
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));
    }

    [Fact]
    public void SilentGroupsOfOneAndTwoArePendingNotNearConsensus()
    {
        // Each silent group "needs at most one more", yet nobody has spoken: the room must not read as nearly agreed.
        var (dialogue, clause) = RedLine();
        dialogue.AddMember(region: China);
        dialogue.AddDelegates(2, Europe);
        Assert.Equal(1, dialogue.Group(clause, Region, China).Needed);
        Assert.Equal(1, dialogue.Group(clause, Region, Europe).Needed);
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));
    }

    [Fact]
    public void StalePositionsAloneLeaveTheClausePending()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(2, China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Oppose);
        Assert.Equal(ClauseStatus.Contested, dialogue.StatusOf(clause));

        dialogue.InPhase(Phase.Drafting);
        dialogue.Revise(clause, "AI systems must never assist in developing weapons of mass destruction.", RevisionKind.Substantive);
        Assert.Equal(2, dialogue.Group(clause, Region, China).Stale);
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));
    }

    [Fact]
    public void ClauseNoVoterCanReachIsPendingNotAgreed()
    {
        var (dialogue, clause) = RedLine();
        dialogue.AddMember(Role.Observer, China);
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));
    }

    [Fact]
    public void ObserversAreNotMembersOfTheirGroupForCounting()
    {
        var (dialogue, clause) = RedLine();
        dialogue.AddDelegates(2, China);
        dialogue.AddMember(Role.Observer, China);
        dialogue.AddMember(Role.Rapporteur, China);
        Assert.Equal(2, dialogue.Group(clause, Region, China).Members);
    }

    [Fact]
    public void FacilitatorsCountOnlyWhenTheRuleSaysTheyVote()
    {
        foreach (var vote in new[] { false, true })
        {
            var (dialogue, clause) = RedLine(Rules(new ConsensusRule(FacilitatorsVote: vote)));
            var chair = dialogue.AddMember(Role.Facilitator, China);
            var china = dialogue.AddDelegates(2, China);
            dialogue.InPhase(Phase.Deliberation);
            dialogue.Take(china, clause, PositionKind.Support);
            if (vote)
                dialogue.Take(chair, clause, PositionKind.Oppose);

            var group = dialogue.Group(clause, Region, China);
            Assert.Equal(vote ? 3 : 2, group.Members);
            Assert.Equal(vote ? 2.0 / 3.0 : 1.0, group.Share);
        }
    }

    [Fact]
    public void ClauseKindCanHaveAStricterRule()
    {
        var unanimity = new ConsensusRule(Threshold: 1.0);
        var rules = new ConsensusRules(ConsensusRule.Default, ImmutableDictionary<ClauseKind, ConsensusRule>.Empty.Add(ClauseKind.RedLine, unanimity));
        var dialogue = new DialogueBuilder(rules);
        var redLine = dialogue.Clause("Power seeking is a red line.", ClauseKind.RedLine);
        var principle = dialogue.Clause("Safety research must keep pace with capabilities.", ClauseKind.Principle);
        var china = dialogue.AddDelegates(3, China);
        dialogue.InPhase(Phase.Deliberation);
        foreach (var clause in new[] { redLine, principle })
        {
            dialogue.Take(china[..2], clause, PositionKind.Support);
            dialogue.Take(china[2], clause, PositionKind.Oppose);
        }

        Assert.Equal(ClauseStatus.NearConsensus, dialogue.StatusOf(redLine));
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(principle));
    }

    [Fact]
    public void DimensionTotalSumsItsGroups()
    {
        var (dialogue, clause) = RedLine();
        var china = dialogue.AddDelegates(2, China);
        var us = dialogue.AddDelegates(3, UnitedStates);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support);
        dialogue.Take(us[0], clause, PositionKind.Oppose);

        var total = dialogue.ConsensusOf(clause).Dimensions.Single(d => d.Name == Region).Total;
        Assert.Equal((5, 2, 1, 2), (total.Members, total.Support, total.Oppose, total.Silent));
        Assert.Equal(2.0 / 3.0, total.Share);
    }

    [Fact]
    public void WithdrawnClauseHasStatusWithdrawn()
    {
        var (dialogue, clause) = RedLine();
        dialogue.Must(new WithdrawClause(clause, "Merged into clause 2."), dialogue.Facilitator);
        Assert.Equal(ClauseStatus.Withdrawn, dialogue.StatusOf(clause));
    }

    [Fact]
    public void StatementHasConsensusWhenEveryClauseIsAgreedOrWithdrawn()
    {
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(3, China);
        var first = dialogue.Clause("Cyberattacks on critical infrastructure are a red line.", ClauseKind.RedLine);
        var second = dialogue.Clause("A global contingency plan is needed.", ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, first, PositionKind.Support);
        dialogue.Take(china, second, PositionKind.Oppose);
        Assert.False(dialogue.Consensus().HasConsensus);

        dialogue.InPhase(Phase.Drafting);
        dialogue.Must(new WithdrawClause(second, null), dialogue.Facilitator);
        Assert.True(dialogue.Consensus().HasConsensus);
    }

    [Fact]
    public void StatementWithNoClausesOrOnlyWithdrawnOnesHasNoConsensus()
    {
        var dialogue = new DialogueBuilder();
        Assert.False(dialogue.Consensus().HasConsensus);
        var clause = dialogue.Clause("Preamble.", ClauseKind.Preamble);
        dialogue.Must(new WithdrawClause(clause, null), dialogue.Facilitator);
        Assert.False(dialogue.Consensus().HasConsensus);
    }
}
