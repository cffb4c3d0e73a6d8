using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Server.Services;

namespace Deliberation.Grains.Tests;

/// <summary>The room join's snapshot (the dialogue, then each statement with its consensus), and statement commands that read the dialogue once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoomSnapshotTests(ClusterFixture cluster)
{
    [Fact]
    public async Task SnapshotHoldsWhatTheSeparateQueriesAnswer()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        await room.MoveToAsync(Phase.Deliberation);
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Support);
        await room.TakeAsync(room.Delegates[1], clause, PositionKind.Oppose);

        var snapshot = (await new DialogueService(cluster.Client).GetRoomSnapshotAsync(room.DialogueId))!;

        Json.Equal(await room.DialogueStateAsync(), snapshot.Dialogue);
        var statement = Assert.Single(snapshot.Statements);
        Json.Equal(await room.StatementStateAsync(), statement.State);
        Assert.Equal((await room.StatementStateAsync()).Version, statement.Version);
        Json.Equal(await room.ConsensusAsync(), statement.Consensus);
        Json.Equal(await room.RecomputedConsensusAsync(), statement.Consensus);
    }

    [Fact]
    public async Task NoSuchDialogueHasNoSnapshot() =>
        Assert.Null(await new DialogueService(cluster.Client).GetRoomSnapshotAsync(Guid.NewGuid()));

    [Fact]
    public async Task StatementTheDialogueDoesNotListIsNotFound()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 2);
        var other = await Room.CreateAsync(cluster.Client, delegates: 2);
        var service = new DialogueService(cluster.Client);

        var unknown = await service.ExecuteAsync(room.DialogueId, Guid.NewGuid(), new FreezeStatement(), room.Facilitator);
        // A statement of another dialogue: the same answer, telling nothing about it.
        var elsewhere = await service.ExecuteAsync(room.DialogueId, other.StatementId, new FreezeStatement(), room.Facilitator);

        foreach (var outcome in new[] { unknown, elsewhere })
        {
            Assert.False(outcome.Accepted);
            Assert.Equal(("statement.not-found", ErrorKind.NotFound), (outcome.Error?.Rule, outcome.Error?.Kind));
            Assert.Equal("The dialogue has no such statement.", outcome.Error?.Message);
            Assert.Equal(0, outcome.Version);
        }
        Assert.Equal(StreamIds.Statement(other.StatementId), elsewhere.StreamId);
    }

    /// <summary>
    /// Snapshots read the statements while statement commands wait on the dialogue's state: without
    /// that read interleaving with the dialogue's own calls, they would wait out the call timeout.
    /// </summary>
    [Fact]
    public async Task SnapshotsAndStatementCommandsTogetherDoNotDeadlock()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 12);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        await room.MoveToAsync(Phase.Deliberation);
        var service = new DialogueService(cluster.Client);

        var commands = Task.WhenAll(room.Delegates.Select(d => service.ExecuteAsync(room.DialogueId, room.StatementId, new TakePosition(clause, 1, PositionKind.Support), d)));
        var snapshots = Task.WhenAll(Enumerable.Range(0, 12).Select(_ => service.GetRoomSnapshotAsync(room.DialogueId)));

        // Well inside Orleans' 30-second call timeout, which a deadlock would run into.
        await Task.WhenAll(commands, snapshots).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.All(await commands, outcome => Room.AssertAccepted(outcome));
        var final = (await service.GetRoomSnapshotAsync(room.DialogueId))!;
        Assert.Equal(ClauseStatus.Agreed, Assert.Single(final.Statements).Consensus.Clauses[0].Status);
        Json.Equal(await room.RecomputedConsensusAsync(), final.Statements[0].Consensus);
    }
}
