namespace Deliberation.Client.Room;

/// <summary>
/// Turns the server's heartbeats into catch-ups. A heartbeat names each stream's latest version; a
/// client that holds less either missed a push or has it on the way (the heartbeat may overtake a
/// push still in its 10 ms window), so it waits <see cref="Grace"/> and catches up only if still
/// behind — once, however many heartbeats arrive during the grace (docs/api.md, "SignalR hub").
/// A heartbeat that arrives while a catch-up is on its way may name an event committed after that
/// catch-up read the store: it is not dropped but followed right after, if the page is still behind
/// it then, rather than a second later at the next heartbeat.
/// </summary>
public sealed class HeartbeatFollower(RoomState state, Func<Task> catchUp, TimeProvider time)
{
    /// <summary>Longer than a push takes on a quiet room, far shorter than the second the delivery bound allows.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    private readonly Lock gate = new();
    private RoomHeartbeat? newest;
    private int following;

    public static bool IsBehind(RoomState state, RoomHeartbeat heartbeat) =>
        heartbeat.DialogueId == state.DialogueId && heartbeat.Versions.Any(v => v.Value > state.VersionOf(v.Key));

    /// <summary>
    /// Not to be awaited by the push handler: pushes are handled one at a time, and the push this
    /// waits for must be free to arrive.
    /// </summary>
    public Task FollowAsync(RoomHeartbeat heartbeat)
    {
        if (!state.HasSnapshot || !IsBehind(state, heartbeat))
            return Task.CompletedTask;
        lock (gate)
            newest = heartbeat;
        return FollowNewestAsync();
    }

    /// <summary>One follower at a time; the others leave their heartbeat to it as <see cref="newest"/>.</summary>
    private async Task FollowNewestAsync()
    {
        while (Interlocked.Exchange(ref following, 1) == 0)
        {
            try
            {
                await Task.Delay(Grace, time);
                await CatchUpWhileBehindAsync();
            }
            finally
            {
                Volatile.Write(ref following, 0);
            }
            // A heartbeat that came between the last look and the release found this still following.
            if (Newest() is null)
                return;
        }
    }

    private async Task CatchUpWhileBehindAsync()
    {
        while (TakeNewest() is { } heartbeat && IsBehind(state, heartbeat))
            await catchUp();
    }

    private RoomHeartbeat? TakeNewest()
    {
        lock (gate)
        {
            var heartbeat = newest;
            newest = null;
            return heartbeat;
        }
    }

    private RoomHeartbeat? Newest()
    {
        lock (gate)
            return newest;
    }
}
