using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Client.Room;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Client.Tests;

/// <summary>
/// The room page's half of the delivery guarantee: a heartbeat ahead of what the page holds makes
/// it catch up — once, and not when the push arrives within the grace; a newer one that arrives
/// while it catches up is followed right after.
/// </summary>
public sealed class HeartbeatFollowerTests
{
    private static readonly Guid DialogueId = Guid.NewGuid();
    private static readonly string DialogueStream = StreamIds.Dialogue(DialogueId);
    private static readonly Guid Me = Guid.NewGuid();

    private readonly FakeTimeProvider time = new();
    private readonly RoomState state = Joined();
    private int catchUps;

    private static RoomState Joined()
    {
        var me = new MemberView(Me, "Li Wei", null, Role.Delegate, ImmutableDictionary<string, string>.Empty);
        var dialogue = new DialogueView(DialogueId, 5, new DialogueSettings("Demo"), Phase.Deliberation, [],
            ConsensusRules.Standard, [me], [], null, [], null, [], me);
        var state = new RoomState(DialogueId);
        state.LoadSnapshot(new JoinSnapshot(dialogue, [], []), ImmutableDictionary<string, long>.Empty.Add(DialogueStream, 5));
        return state;
    }

    private HeartbeatFollower Follower() => new(state, () =>
    {
        catchUps++;
        return Task.CompletedTask;
    }, time);

    private static RoomHeartbeat Beat(long dialogueVersion) => new(DialogueId, ImmutableDictionary<string, long>.Empty.Add(DialogueStream, dialogueVersion));

    [Fact]
    public async Task AHeartbeatAheadOfTheHeldVersionCatchesUpOnceAfterTheGrace()
    {
        var follower = Follower();

        var first = follower.FollowAsync(Beat(7));
        var second = follower.FollowAsync(Beat(7));
        Assert.Equal(0, catchUps);
        time.Advance(HeartbeatFollower.Grace);
        await Task.WhenAll(first, second);

        Assert.Equal(1, catchUps);
    }

    [Fact]
    public async Task AHeartbeatThatTheHeldVersionsMatchAsksForNothing()
    {
        var follower = Follower();

        await follower.FollowAsync(Beat(5));
        await follower.FollowAsync(Beat(4));

        Assert.Equal(0, catchUps);
    }

    [Fact]
    public async Task APushThatArrivesWithinTheGraceNeedsNoCatchUp()
    {
        var follower = Follower();

        var following = follower.FollowAsync(Beat(6));
        state.Apply(DialogueStream, [Hidden(6)]);
        time.Advance(HeartbeatFollower.Grace);
        await following;

        Assert.Equal(0, catchUps);
    }

    [Fact]
    public async Task AHeartbeatOfAStreamThePageNeverHeardOfCatchesUp()
    {
        var follower = Follower();
        var beat = Beat(5) with { Versions = Beat(5).Versions.Add(StreamIds.Statement(Guid.NewGuid()), 2) };

        var following = follower.FollowAsync(beat);
        time.Advance(HeartbeatFollower.Grace);
        await following;

        Assert.Equal(1, catchUps);
    }

    /// <summary>
    /// Issue 10's bound under load: a catch-up reads the store once, so an event committed while it
    /// is on its way is not in its answer. The heartbeat that names it, arriving meanwhile, must be
    /// followed as soon as the catch-up returns — not dropped and left to the next heartbeat a second later.
    /// </summary>
    [Fact]
    public async Task AHeartbeatThatArrivesDuringACatchUpIsFollowedRightAfterIt()
    {
        var firstOnItsWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var follower = new HeartbeatFollower(state, async () =>
        {
            if (Interlocked.Increment(ref catchUps) > 1)
                return;
            firstOnItsWay.SetResult();
            await releaseFirst.Task;
            // The first catch-up brings what the store held when it read: up to version 7.
            state.Apply(DialogueStream, [Hidden(6), Hidden(7)]);
        }, time);

        var following = follower.FollowAsync(Beat(7));
        time.Advance(HeartbeatFollower.Grace);
        await firstOnItsWay.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var newer = follower.FollowAsync(Beat(8));
        releaseFirst.SetResult();
        // No time passes: the second catch-up follows the first at once, with no second grace.
        await Task.WhenAll(following, newer).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, catchUps);
    }

    private static System.Text.Json.Nodes.JsonObject Hidden(long version) => new() { ["type"] = "Hidden", ["version"] = version };
}
