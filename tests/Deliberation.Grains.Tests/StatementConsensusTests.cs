using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Tests.Fixtures;

namespace Deliberation.Grains.Tests;

/// <summary>The statement grain's live consensus (its tracker) against the full recomputation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StatementConsensusTests(ClusterFixture cluster)
{
    [Fact]
    public async Task PositionsUpdateTheConsensusIncrementallyAndMatchTheFullComputation()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 12);
        Guid[] clauses = [await room.ClauseAsync("First."), await room.ClauseAsync("Second."), await room.ClauseAsync("Third [a | b].")];
        await room.MoveToAsync(Phase.Deliberation);
        // Read once before any position, so the tracker exists and must follow each event from here.
        Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());

        var kinds = Enum.GetValues<PositionKind>();
        var step = 0;
        foreach (var (delegateId, i) in room.Delegates.Select((d, i) => (d, i)))
        {
            foreach (var (clause, c) in clauses.Select((c, j) => (c, j)))
            {
                // Mostly support, with some of every other kind, and some delegates changing their minds.
                var kind = (i * 3 + c) % 7 < 4 ? PositionKind.Support : kinds[(i + c) % kinds.Length];
                await room.TakeAsync(delegateId, clause, kind);
                if (++step % 5 == 0)
                    Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());
            }
        }
        var option = (await room.StatementStateAsync()).Clauses[clauses[2]].Bracketed.Slots.Single().Options[1].Id;
        await room.MustAsync(new TakePosition(clauses[2], 1, PositionKind.Support, OptionId: option), room.Delegates[0]);
        await room.TakeAsync(room.Delegates[1], clauses[0], PositionKind.Block);

        var live = await room.ConsensusAsync();
        Json.Equal(await room.RecomputedConsensusAsync(), live);
        Assert.Equal(ClauseStatus.Blocked, live.Clauses[0].Status);
        Assert.Equal(12, live.Clauses[1].Dimensions.Single(d => d.Name == Room.Region).Total.Counts.Responded);
        Assert.Equal(1, live.Clauses[2].Options.Single(o => o.OptionId == option).Dimensions[0].Total.Support);
    }

    [Fact]
    public async Task NewMemberInTheRosterIsReflectedInTheStatementsConsensus()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Agreed by all six.");
        await room.MoveToAsync(Phase.Deliberation);
        foreach (var d in room.Delegates)
            await room.TakeAsync(d, clause, PositionKind.Support);
        var agreed = await room.ClauseConsensusAsync(clause);
        Assert.Equal(ClauseStatus.Agreed, agreed.Status);
        Assert.Equal(3, Group(agreed, Room.Region, "North").Members);

        // Four more delegates in the North who have not spoken: 3 of 7 responded is below the quorum of 4.
        // The dialogue's version moves, so the statement grain must start its tracker afresh.
        var north = Enumerable.Range(0, 4).Select(i => Room.NewDelegate(2 * i)).ToList();
        Room.AssertAccepted(await room.Dialogue.ExecuteBatchAsync([.. north.Select(m => new Domain.Dialogues.AddMember(m))], room.Convener));

        var after = await room.ClauseConsensusAsync(clause);
        var group = Group(after, Room.Region, "North");
        Assert.Equal(7, group.Members);
        Assert.Equal(4, group.Silent);
        Assert.False(group.MeetsRule);
        Assert.NotEqual(ClauseStatus.Agreed, after.Status);
        Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());

        // And a position by a new member counts at once.
        await room.TakeAsync(north[0].ParticipantId, clause, PositionKind.Support);
        Assert.Equal(ClauseStatus.Agreed, (await room.ClauseConsensusAsync(clause)).Status);
        Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());
    }

    [Fact]
    public async Task SubstantiveRevisionMakesEarlierPositionsStale()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Labs report incidnets within 72 hours.");
        await room.MoveToAsync(Phase.Drafting);
        foreach (var d in room.Delegates)
            await room.TakeAsync(d, clause, PositionKind.Support);
        Assert.Equal(ClauseStatus.Agreed, (await room.ClauseConsensusAsync(clause)).Status);

        await room.MustAsync(new ReviseClause(clause, 1, "Labs report incidents within 72 hours.", RevisionKind.Editorial, "typo"), room.Facilitator);
        var editorial = await room.ClauseConsensusAsync(clause);
        Assert.Equal(ClauseStatus.Agreed, editorial.Status);
        Assert.Equal(6, editorial.Dimensions[0].Total.Support);

        await room.MustAsync(new ReviseClause(clause, await room.RevisionOfAsync(clause), "Labs report incidents within 24 hours.", RevisionKind.Substantive, "tighter"), room.Facilitator);
        var substantive = await room.ClauseConsensusAsync(clause);
        var total = substantive.Dimensions[0].Total;
        Assert.Equal(ClauseStatus.Pending, substantive.Status);
        Assert.Equal(0, total.Support);
        Assert.Equal(6, total.Stale);
        Assert.Equal(await room.RevisionOfAsync(clause), substantive.Revision);
        Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());

        // A stale position cannot be renewed on the old revision, only given again on the new one.
        var stale = await room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[0]);
        Assert.Equal("position.stale-revision", stale.Error?.Rule);
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Support);
        var renewed = (await room.ClauseConsensusAsync(clause)).Dimensions[0].Total;
        Assert.Equal((1, 5), (renewed.Support, renewed.Stale));
    }

    private static GroupConsensus Group(ClauseConsensus clause, string dimension, string group) =>
        clause.Dimensions.Single(d => d.Name == dimension).Groups.Single(g => g.Group == group);
}

