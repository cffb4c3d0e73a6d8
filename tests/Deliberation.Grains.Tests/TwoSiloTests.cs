using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Statements;
using Deliberation.Grains.Tests.Fixtures;

namespace Deliberation.Grains.Tests;

/// <summary>The shared cluster has two silos, as a scaled-out deployment has two nodes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoSiloTests(ClusterFixture cluster)
{
    [Fact]
    public async Task GrainsAnswerTheSameFromEitherSilo()
    {
        Assert.Equal(2, cluster.Cluster.Silos.Count);
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var clause = await room.ClauseAsync("Shared across nodes.");
        await room.MoveToAsync(Phase.Deliberation);

        // Each delegate acts through a different silo; every silo then sees every action.
        for (var i = 0; i < room.Delegates.Count; i++)
        {
            var factory = cluster.FactoryOf(cluster.Cluster.Silos[i % 2]);
            Room.AssertAccepted(await factory.GetGrain<IStatementGrain>(room.StatementId)
                .ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[i]));
        }
        var views = new List<string>();
        foreach (var silo in cluster.Cluster.Silos)
        {
            var factory = cluster.FactoryOf(silo);
            var consensus = (await factory.GetGrain<IStatementGrain>(room.StatementId).GetConsensusAsync()).Value;
            var dialogue = (await factory.GetGrain<IDialogueGrain>(room.DialogueId).GetStateAsync()).Value;
            Assert.Equal(ClauseStatus.Agreed, consensus.Clauses[0].Status);
            views.Add(DomainJson.Serialize(consensus) + DomainJson.Serialize(dialogue));
        }
        Assert.Single(views.Distinct());
    }

    [Fact]
    public async Task BatchesCrossFromEitherSilo()
    {
        // A batch is a List of domain commands: Orleans must be allowed to name that type on the wire
        // (OrleansSerialization.AddDomainJson), or every batch sent to another node fails.
        var room = await Room.CreateAsync(cluster.Client, delegates: 0);
        foreach (var silo in cluster.Cluster.Silos)
        {
            var members = Enumerable.Range(0, 3).Select(Room.NewDelegate).ToList();
            var outcome = await cluster.FactoryOf(silo).GetGrain<IDialogueGrain>(room.DialogueId)
                .ExecuteBatchAsync([.. members.Select(m => new Domain.Dialogues.AddMember(m))], room.Convener);
            Room.AssertAccepted(outcome);
        }
        Assert.Equal(8, (await room.DialogueStateAsync()).Roster.Count);
    }

    [Fact]
    public async Task StatementMovedToTheOtherSiloReloadsTheSameState()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var clause = await room.ClauseAsync("Moves between nodes.");
        await room.MoveToAsync(Phase.Deliberation);
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Accept);
        var before = await room.StatementStateAsync();
        var consensusBefore = await room.ConsensusAsync();
        var from = SiloOf(room.Statement);
        var to = cluster.Cluster.Silos.Single(s => !s.SiloAddress.Equals(from)).SiloAddress;

        await cluster.Cluster.MigrateAsync(room.Statement, to);

        Json.Equal(before, await room.StatementStateAsync());
        Json.Equal(consensusBefore, await room.ConsensusAsync());
        Assert.Equal(to, SiloOf(room.Statement));
        await room.TakeAsync(room.Delegates[1], clause, PositionKind.Support);
        Json.Equal(await room.RecomputedConsensusAsync(), await room.ConsensusAsync());
    }

    private Orleans.Runtime.SiloAddress SiloOf(IAddressable grain) =>
        cluster.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context)
            ? context.Address.SiloAddress!
            : throw new InvalidOperationException("The grain is not active.");
}
