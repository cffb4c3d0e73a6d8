using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Participants;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Participants;
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
        // The retry is the third member to change (k = 3): the position commits with its release.
        Assert.Equal(version + 3, retry.Version);
        var consensus = await room.ConsensusAsync();
        Json.Equal(await room.RecomputedConsensusAsync(), consensus);
        var total = consensus.Clauses[0].Dimensions[0].Total;
        Assert.Equal((2, 1), (total.Support, total.Oppose));
        Assert.Equal(version + 3, (await cluster.Store.ReadStreamAsync(StreamIds.Statement(room.StatementId))).Count);
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

    [Fact]
    public async Task ParticipantWrittenBehindTheGrainsBackAnswersConcurrentWriteThenRecovers()
    {
        var id = Guid.NewGuid();
        var participant = cluster.Client.GetGrain<IParticipantGrain>(id);
        Room.AssertAccepted(await participant.ExecuteAsync(new RegisterParticipant("Ada", null)));
        var version = (await participant.GetStateAsync()).Value.Version;
        await cluster.Store.AppendAsync(StreamIds.Participant(id), StreamIds.ParticipantsScope, version,
            [RecordedEvent.Encode(new ProfileUpdated("Written elsewhere", "Another node"), id, StoredTime.Normalise(cluster.Time.GetUtcNow()))]);

        var conflict = await participant.ExecuteAsync(new UpdateProfile("Ada Lovelace", null));

        Assert.False(conflict.Accepted);
        Assert.Equal(("stream.concurrent-write", ErrorKind.Conflict), (conflict.Error?.Rule, conflict.Error?.Kind));
        Assert.Equal(version + 1, conflict.Version);
        var reloaded = (await participant.GetStateAsync()).Value;
        Assert.Equal(("Written elsewhere", "Another node"), (reloaded.DisplayName, reloaded.Affiliation));

        var retry = await participant.ExecuteAsync(new UpdateProfile("Ada Lovelace", null));

        Assert.True(retry.Accepted, $"{retry.Error}");
        Assert.Equal(version + 2, retry.Version);
        Assert.Equal("Ada Lovelace", (await participant.GetStateAsync()).Value.DisplayName);
        Assert.Equal(version + 2, (await cluster.Store.ReadStreamAsync(StreamIds.Participant(id))).Count);
    }

    private async Task AppendBehindAsync(string streamId, Guid dialogueId, long expectedVersion, DomainEvent e, Guid actor) =>
        await cluster.Store.AppendAsync(streamId, StreamIds.Scope(dialogueId), expectedVersion,
            [RecordedEvent.Encode(e, actor, StoredTime.Normalise(cluster.Time.GetUtcNow()))]);
}
