using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Persistence;

namespace Deliberation.Grains.Tests;

/// <summary>
/// Another writer appends to a grain's stream (as a second activation during a hand-over would):
/// the grain's next command must lose the race cleanly, and the one after must succeed on the new state.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyTests(ClusterFixture cluster)
{
    [Fact]
    public async Task StatementWrittenBehindTheGrainsBackAnswersConcurrentWriteThenRecovers()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 4);
        var clause = await room.ClauseAsync("Compute thresholds are reviewed yearly.");
        await room.MoveToAsync(Phase.Deliberation);
        await room.TakeAsync(room.Delegates[2], clause, PositionKind.Support);
        _ = await room.ConsensusAsync(); // the tracker is live before the write it does not see
        var version = (await room.StatementStateAsync()).Version;

        var outsider = new PositionTaken(room.Delegates[0], clause, null, 1, PositionKind.Oppose, "written elsewhere");
        await AppendBehindAsync(StreamIds.Statement(room.StatementId), room.DialogueId, version, outsider, room.Delegates[0]);

        var conflict = await room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[1]);

        Assert.False(conflict.Accepted);
        Assert.Equal("stream.concurrent-write", conflict.Error?.Rule);
        Assert.Equal(ErrorKind.Conflict, conflict.Error?.Kind);
        Assert.Equal(version + 1, conflict.Version);
        Assert.Equal(PositionKind.Oppose, (await room.StatementStateAsync()).Clauses[clause].Positions[room.Delegates[0]].Kind);

        var retry = await room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Support), room.Delegates[1]);

        Assert.True(retry.Accepted, $"{retry.Error}");
        Assert.Equal(version + 2, retry.Version);
        var consensus = await room.ConsensusAsync();
        Json.Equal(await room.RecomputedConsensusAsync(), consensus);
        var total = consensus.Clauses[0].Dimensions[0].Total;
        Assert.Equal((2, 1), (total.Support, total.Oppose));
        Assert.Equal(version + 2, (await cluster.Store.ReadStreamAsync(StreamIds.Statement(room.StatementId))).Count);
    }

    [Fact]
    public async Task DialogueWrittenBehindTheGrainsBackAnswersConcurrentWriteThenRecovers()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 2);
        var version = (await room.DialogueStateAsync()).Version;
        var outsider = Room.NewDelegate(2);
        await AppendBehindAsync(StreamIds.Dialogue(room.DialogueId), room.DialogueId, version, new MemberAdded(outsider), room.Convener);

        var conflict = await room.Dialogue.ExecuteAsync(new AddMember(Room.NewDelegate(3)), room.Convener);

        Assert.Equal("stream.concurrent-write", conflict.Error?.Rule);
        Assert.Equal(version + 1, conflict.Version);
        var retry = await room.Dialogue.ExecuteAsync(new AddMember(Room.NewDelegate(3)), room.Convener);
        Assert.True(retry.Accepted, $"{retry.Error}");
        Assert.Equal(version + 2, retry.Version);
        var state = await room.DialogueStateAsync();
        Assert.Contains(outsider.ParticipantId, state.Roster.Keys);
        Assert.Equal(6, state.Roster.Count); // convener, facilitator, two delegates, the outsider and the retried one
    }

    private async Task AppendBehindAsync(string streamId, Guid dialogueId, long expectedVersion, DomainEvent e, Guid actor) =>
        await cluster.Store.AppendAsync(streamId, StreamIds.Scope(dialogueId), expectedVersion,
            [RecordedEvent.Encode(e, actor, StoredTime.Normalise(cluster.Time.GetUtcNow()))]);
}
