using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>The incremental calculation on worked examples; <see cref="PropertyTests"/> checks it on random sessions.</summary>
public sealed class ConsensusTrackerTests
{
    private readonly DialogueBuilder dialogue = new();
    private readonly Guid[] china;
    private readonly ConsensusTracker tracker;

    public ConsensusTrackerTests()
    {
        china = dialogue.AddDelegates(3, China);
        tracker = ConsensusTracker.Start(dialogue.Dialogue, dialogue.Statement);
        dialogue.StatementEventApplied += tracker.Observe;
    }

    private void AssertMatchesFullComputation() =>
        Assert.Equal(DomainJson.Serialize(dialogue.Consensus()), DomainJson.Serialize(tracker.Snapshot()));

    [Fact]
    public void TrackerFollowsPositionsAsTheyArrive()
    {
        var clause = dialogue.Clause("Power seeking is a red line.", ClauseKind.RedLine);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china[..2], clause, PositionKind.Support);
        Assert.Equal(ClauseStatus.Agreed, tracker.Clause(clause).Status);

        dialogue.Take(china[2], clause, PositionKind.Block);
        Assert.Equal(ClauseStatus.Blocked, tracker.Clause(clause).Status);
        dialogue.Take(china[2], clause, PositionKind.Oppose);
        Assert.Equal(ClauseStatus.Agreed, tracker.Clause(clause).Status);
        Assert.True(tracker.HasConsensus);
        AssertMatchesFullComputation();
    }

    [Fact]
    public void TrackerSeesPositionsGoStaleOnASubstantiveRevision()
    {
        var clause = dialogue.Clause("Power seeking is a red line.", ClauseKind.RedLine);
        dialogue.InPhase(Phase.Drafting);
        dialogue.Take(china, clause, PositionKind.Support);
        dialogue.Revise(clause, "Unchecked power seeking is a red line.", RevisionKind.Substantive);

        var group = tracker.Clause(clause).Dimensions.Single(d => d.Name == Region).Groups.Single(g => g.Group == China);
        Assert.Equal((3, 0), (group.Stale, group.Support));
        Assert.False(tracker.HasConsensus);

        dialogue.Take(china[0], clause, PositionKind.Support); // stale → current moves one bucket
        AssertMatchesFullComputation();
    }

    [Fact]
    public void WithdrawingTheLastOpenClauseGivesTheStatementConsensus()
    {
        var agreed = dialogue.Clause("Power seeking is a red line.", ClauseKind.RedLine);
        var open = dialogue.Clause("A contingency plan.", ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Drafting);
        dialogue.Take(china, agreed, PositionKind.Support);
        Assert.False(tracker.HasConsensus);

        dialogue.Must(new WithdrawClause(open, null), dialogue.Facilitator);

        Assert.True(tracker.HasConsensus);
        Assert.Equal(ClauseStatus.Withdrawn, tracker.Clause(open).Status);
        AssertMatchesFullComputation();
    }

    [Fact]
    public void TrackerStartedOnAnExistingStatementMatchesFromTheStart()
    {
        var clause = dialogue.Clause("Spend [one third | 20%] on safety.", ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Accept, "1.2");
        dialogue.Range(china[0], clause, 10, 20);

        var late = ConsensusTracker.Start(dialogue.Dialogue, dialogue.Statement);

        Assert.Equal(DomainJson.Serialize(dialogue.Consensus()), DomainJson.Serialize(late.Snapshot()));
        Assert.Equal(dialogue.Dialogue.ConsensusBasisVersion, late.BasisVersion);
    }

    [Fact]
    public void OnlyRosterDimensionAndRuleChangesMoveTheConsensusBasis()
    {
        var basis = dialogue.Dialogue.ConsensusBasisVersion;
        dialogue.InPhase(Phase.Deliberation);
        Assert.Equal(basis, dialogue.Dialogue.ConsensusBasisVersion); // a phase change counts nobody differently

        var rules = dialogue.Dialogue.Rules with { Default = dialogue.Dialogue.Rules.Default with { Threshold = 0.75 } };
        var state = Dialogue.Apply(dialogue.Dialogue, new ConsensusRulesChanged(rules), new EventMeta(dialogue.Dialogue.Version + 1, DateTimeOffset.UnixEpoch, Guid.Empty));

        Assert.Equal(state.Version, state.ConsensusBasisVersion);
    }
}
