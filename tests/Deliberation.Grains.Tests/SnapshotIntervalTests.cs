using System.Text;
using Deliberation.Domain;
using Deliberation.Domain.Participants;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Grains.Tests;

/// <summary>
/// A stream is snapshotted after a minimum of events, then only after one event more for every so many bytes of
/// its last snapshot (<see cref="SnapshotPolicy"/>) — the one it saved, or the one it read when it was loaded.
/// Driven on a participant's stream with a small policy, so a few hundred bytes of state already count.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SnapshotIntervalTests(ClusterFixture cluster)
{
    private static readonly SnapshotPolicy Policy = new(MinimumEvents: 2, BytesPerEvent: 16);

    private EventSourcedStream<ParticipantState, ParticipantEvent> Open(Guid id) =>
        new(cluster.Store, NullLogger.Instance, new HistoryIntegrity(), StreamIds.Participant(id), () => ParticipantState.Initial(id),
            Participant.Apply, s => s.Version, Policy);

    private async Task RunAsync(EventSourcedStream<ParticipantState, ParticipantEvent> stream, ParticipantCommand command) =>
        Room.AssertAccepted(await stream.ExecuteAsync(s => Participant.Decide(s, command), StreamIds.ParticipantsScope, stream.State.Id, cluster.Time.GetUtcNow()));

    private Task JoinAsync(EventSourcedStream<ParticipantState, ParticipantEvent> stream) =>
        RunAsync(stream, new JoinDialogue(Guid.NewGuid(), Role.Delegate));

    private async Task<(long Version, long Bytes)> SnapshotAsync(Guid id) =>
        await cluster.Store.LoadSnapshotAsync(StreamIds.Participant(id)) is { } snapshot
            ? (snapshot.Version, Encoding.UTF8.GetByteCount(snapshot.StateJson))
            : (0, 0);

    [Fact]
    public async Task TheNextSnapshotWaitsInProportionToTheSizeOfTheLastOneSaved()
    {
        var id = Guid.NewGuid();
        var stream = Open(id);
        await stream.LoadAsync();
        await RunAsync(stream, new RegisterParticipant("Ada", "Institute"));
        Assert.Equal(0, (await SnapshotAsync(id)).Version);
        await JoinAsync(stream);
        var first = await SnapshotAsync(id);
        Assert.Equal(2, first.Version);

        await NextSnapshotWaitsForItsSizeAsync(stream, id, first);
    }

    [Fact]
    public async Task AReloadedStreamWaitsInProportionToTheSnapshotItRead()
    {
        var id = Guid.NewGuid();
        var writer = Open(id);
        await writer.LoadAsync();
        await RunAsync(writer, new RegisterParticipant("Grace", "Navy"));
        while ((await SnapshotAsync(id)).Version < 3)
            await JoinAsync(writer);
        var read = await SnapshotAsync(id);

        // A new holder of the stream (a reactivation) knows the snapshot's size only by reading it.
        var reopened = Open(id);
        await reopened.LoadAsync();
        await NextSnapshotWaitsForItsSizeAsync(reopened, id, read);
        Assert.Equal(reopened.State.Dialogues, (await ReplayedAsync(id)).Dialogues);
    }

    /// <summary>Events up to one short of the wait the last snapshot's size gives leave it as it is; the next one takes another.</summary>
    private async Task NextSnapshotWaitsForItsSizeAsync(EventSourcedStream<ParticipantState, ParticipantEvent> stream, Guid id, (long Version, long Bytes) last)
    {
        var wait = last.Bytes / Policy.BytesPerEvent;
        Assert.True(wait > Policy.MinimumEvents, $"a snapshot of {last.Bytes} bytes should wait longer than the minimum");
        while (stream.Version < last.Version + wait - 1)
        {
            await JoinAsync(stream);
            Assert.Equal(last.Version, (await SnapshotAsync(id)).Version);
        }
        await JoinAsync(stream);
        Assert.Equal(last.Version + wait, (await SnapshotAsync(id)).Version);
    }

    private async Task<ParticipantState> ReplayedAsync(Guid id)
    {
        var fresh = Open(id);
        await fresh.LoadAsync();
        return fresh.State;
    }
}
