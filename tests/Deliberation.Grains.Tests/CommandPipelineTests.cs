using Deliberation.Domain;
using Deliberation.Domain.Participants;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Tests.Fixtures;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Grains.Tests;

/// <summary>
/// The one command pipeline (<see cref="EventSourcedStream{TState, TEvent}.ExecuteAsync"/>), driven
/// directly on the cluster's store with the participant stream, the simplest there is.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CommandPipelineTests(ClusterFixture cluster)
{
    private EventSourcedStream<ParticipantState, ParticipantEvent> Open(Guid id) =>
        new(cluster.Store, NullLogger.Instance, new HistoryIntegrity(), StreamIds.Participant(id), () => ParticipantState.Initial(id), Participant.Apply, s => s.Version);

    private Task<CommandOutcome> RunAsync(
        EventSourcedStream<ParticipantState, ParticipantEvent> stream, ParticipantCommand command,
        Func<IReadOnlyList<AppliedEvent<ParticipantState, ParticipantEvent>>, Task>? afterCommit = null) =>
        stream.ExecuteAsync(s => Participant.Decide(s, command), StreamIds.ParticipantsScope, stream.State.Id, cluster.Time.GetUtcNow(), afterCommit);

    private async Task<int> StoredCountAsync(Guid id) => (await cluster.Store.ReadStreamAsync(StreamIds.Participant(id))).Count;

    [Fact]
    public async Task RefusalStoresNothingAndRunsNoAfterCommitWork()
    {
        var id = Guid.NewGuid();
        var stream = Open(id);
        await stream.LoadAsync();
        var afterCommitRan = false;

        var outcome = await RunAsync(stream, new RegisterParticipant("", null), _ => { afterCommitRan = true; return Task.CompletedTask; });

        Assert.False(outcome.Accepted);
        Assert.Equal("name.required", outcome.Error?.Rule);
        Assert.Equal((StreamIds.Participant(id), 0L), (outcome.StreamId, outcome.Version));
        Assert.False(afterCommitRan);
        Assert.Equal(0, await StoredCountAsync(id));
        Assert.False(stream.State.Exists);
    }

    [Fact]
    public async Task DecisionWithoutEventsAnswersOkAndStoresNothing()
    {
        var id = Guid.NewGuid();
        var stream = Open(id);
        await stream.LoadAsync();
        Room.AssertAccepted(await RunAsync(stream, new RegisterParticipant("Ada", null)));
        var dialogue = Guid.NewGuid();
        Room.AssertAccepted(await RunAsync(stream, new JoinDialogue(dialogue, Role.Delegate)));
        var afterCommitRan = false;

        // Joining a dialogue she is in already decides no events.
        var outcome = await RunAsync(stream, new JoinDialogue(dialogue, Role.Delegate), _ => { afterCommitRan = true; return Task.CompletedTask; });

        Assert.True(outcome.Accepted);
        Assert.Equal(2, outcome.Version);
        Assert.False(afterCommitRan);
        Assert.Equal(2, await StoredCountAsync(id));
    }

    [Fact]
    public async Task AfterCommitWorkRunsOnlyOnceTheEventsAreStoredAndApplied()
    {
        var id = Guid.NewGuid();
        var stream = Open(id);
        await stream.LoadAsync();
        var seen = new List<(int Stored, long Version, IReadOnlyList<AppliedEvent<ParticipantState, ParticipantEvent>> Applied)>();

        var outcome = await RunAsync(stream, new RegisterParticipant("Ada", "Institute"), async applied =>
            seen.Add((await StoredCountAsync(id), stream.Version, applied)));

        Room.AssertAccepted(outcome);
        var (stored, version, applied) = Assert.Single(seen);
        Assert.Equal((1, 1L), (stored, version));
        var only = Assert.Single(applied);
        Assert.False(only.Before.Exists);
        Assert.True(only.After.Exists);
        Assert.IsType<ParticipantRegistered>(only.Event);
        Assert.Equal((StreamIds.Participant(id), 1L), (only.Stored.StreamId, only.Stored.Version));
        Assert.Equal(1, outcome.Version);
    }

    [Fact]
    public async Task ConflictReloadsAnswersConcurrentWriteAndTheRetrySucceeds()
    {
        var id = Guid.NewGuid();
        var first = Open(id);
        var second = Open(id);
        await first.LoadAsync();
        await second.LoadAsync();
        Room.AssertAccepted(await RunAsync(first, new RegisterParticipant("Ada", null)));
        var afterCommitRan = false;

        // The second holder of the stream decided on the version before the first one's commit.
        var conflict = await RunAsync(second, new RegisterParticipant("Grace", null), _ => { afterCommitRan = true; return Task.CompletedTask; });

        Assert.False(conflict.Accepted);
        Assert.Equal(("stream.concurrent-write", ErrorKind.Conflict), (conflict.Error?.Rule, conflict.Error?.Kind));
        Assert.Contains("participant", conflict.Error?.Message);
        Assert.False(afterCommitRan);
        Assert.Equal(1, conflict.Version);
        Assert.Equal("Ada", second.State.DisplayName); // reloaded

        // On the reloaded state the same command is judged afresh (here: she exists already) ...
        Assert.Equal("participant.exists", (await RunAsync(second, new RegisterParticipant("Grace", null))).Error?.Rule);
        // ... and a command that still makes sense commits.
        var retry = await RunAsync(second, new UpdateProfile("Ada Lovelace", null));
        Assert.True(retry.Accepted, $"{retry.Error}");
        Assert.Equal(2, retry.Version);
        Assert.Equal(2, await StoredCountAsync(id));
    }
}
