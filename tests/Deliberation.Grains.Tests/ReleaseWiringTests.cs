using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Tests.Fixtures;

namespace Deliberation.Grains.Tests;

/// <summary>
/// docs/domain.md, "Releases", as the grains run them: the Threshold release commits with the position
/// that completes it, a phase change asks every statement for its release, and the dialogue and its
/// statements calling each other on the way never wait on one another.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReleaseWiringTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private async Task<IReadOnlyList<Persistence.StoredEvent>> StatementEventsAsync(Room room) =>
        await cluster.Store.ReadStreamAsync(StreamIds.Statement(room.StatementId));

    [Fact]
    public async Task ThePositionOfTheKthChanger_CommitsWithItsReleaseInOneAppend()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Third-party evaluations before deployment.");
        await room.MoveToAsync(Phase.Deliberation);
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Support);
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Oppose);
        await room.TakeAsync(room.Delegates[1], clause, PositionKind.Support);
        var before = (await room.StatementStateAsync()).Version;
        Assert.DoesNotContain(await StatementEventsAsync(room), e => e.Type == nameof(FiguresReleased));

        var outcome = await room.Statement.ExecuteAsync(room.DialogueId, new TakePosition(clause, 1, PositionKind.Block), room.Delegates[2]);

        Room.AssertAccepted(outcome);
        Assert.Equal(before + 2, outcome.Version);
        var last = (await StatementEventsAsync(room)).TakeLast(2).ToArray();
        Assert.Equal([nameof(PositionTaken), nameof(FiguresReleased)], last.Select(e => e.Type));
        // One append: consecutive places in the log, one moment.
        Assert.Equal(last[0].Position + 1, last[1].Position);
        Assert.Equal(last[0].OccurredAt, last[1].OccurredAt);
        // The position is hers; the release is the system's — naming her would tell the room who completed it.
        Assert.Equal(room.Delegates[2], Guid.Parse(last[0].Actor));
        Assert.Equal(Guid.Empty, Guid.Parse(last[1].Actor));
        var release = (FiguresReleased)DomainJson.DeserializeEvent(last[1].Type, last[1].PayloadJson);
        Assert.Equal((ReleaseTrigger.Threshold, 3), (release.Trigger, release.Clauses.Single().Changes));
        Assert.Empty((await room.StatementStateAsync()).Clauses[clause].ChangedSinceRelease);
    }

    [Fact]
    public async Task APhaseChange_ReleasesEveryStatementsClausesAtK_WithoutDeadlock()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Third-party evaluations before deployment.");
        await room.MoveToAsync(Phase.Deliberation);
        // k = 3 by default: lower it to 2 only after two changers took positions, so the Threshold release did not fire.
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Support);
        await room.TakeAsync(room.Delegates[1], clause, PositionKind.Oppose);
        var settings = (await room.DialogueStateAsync()).Settings with { MinimumGroupSize = 2 };
        await room.MustAsync(new ChangeSettings(settings), room.Convener);
        Assert.Null((await room.StatementStateAsync()).Clauses[clause].LastRelease);

        // The dialogue asks the statement one-way; the statement reads the dialogue back while deciding.
        var moved = room.MustAsync(new SetPhase(Phase.Drafting), room.Facilitator);
        Assert.Same(moved, await Task.WhenAny(moved, Task.Delay(Patience)));

        var deadline = DateTime.UtcNow + Patience;
        StatementState state;
        while ((state = await room.StatementStateAsync()).Clauses[clause].LastRelease is null && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(ReleaseTrigger.PhaseChange, state.Clauses[clause].LastReleaseTrigger);
        Assert.Equal(2, state.Clauses[clause].LastRelease!.Changes);
        Assert.Equal(room.Facilitator, Guid.Parse((await StatementEventsAsync(room))[^1].Actor));

        // Both grains still answer at once.
        var answered = Task.WhenAll(room.DialogueStateAsync(), room.StatementStateAsync());
        Assert.Same(answered, await Task.WhenAny(answered, Task.Delay(Patience)));
    }

    [Fact]
    public async Task APhaseChangeWithNothingAtK_CommitsNothing()
    {
        var room = await Room.CreateAsync(cluster.Client, delegates: 6);
        var clause = await room.ClauseAsync("Third-party evaluations before deployment.");
        await room.MoveToAsync(Phase.Deliberation);
        await room.TakeAsync(room.Delegates[0], clause, PositionKind.Support);
        var version = (await room.StatementStateAsync()).Version;

        await room.MoveToAsync(Phase.Drafting);
        await room.MoveToAsync(Phase.Deliberation);

        // A one-way call may land a moment later: give it that moment, then nothing may have been committed.
        await Task.Delay(300);
        Assert.Equal(version, (await room.StatementStateAsync()).Version);
    }
}
