namespace Deliberation.Client.Room;

/// <summary>
/// Turns the server's heartbeats into catch-ups. A heartbeat names each stream's latest version; a
/// client that holds less either missed a push or has it on the way (the heartbeat may overtake a
/// push still in its 10 ms window), so it waits <see cref="Grace"/> and catches up only if still
/// behind — once, however many heartbeats arrive meanwhile (docs/api.md, "SignalR hub").
/// </summary>
public sealed class HeartbeatFollower(RoomState state, Func<Task> catchUp, TimeProvider time)
{
    /// <summary>Longer than a push takes on a quiet room, far shorter than the second the delivery bound allows.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    private int following;

    public static bool IsBehind(RoomState state, RoomHeartbeat heartbeat) =>
        heartbeat.DialogueId == state.DialogueId && heartbeat.Versions.Any(v => v.Value > state.VersionOf(v.Key));

    /// <summary>
    /// Not to be awaited by the push handler: pushes are handled one at a time, and the push this
    /// waits for must be free to arrive.
    /// </summary>
    public async Task FollowAsync(RoomHeartbeat heartbeat)
    {
        if (!state.HasSnapshot || !IsBehind(state, heartbeat) || Interlocked.Exchange(ref following, 1) == 1)
            return;
        try
        {
            await Task.Delay(Grace, time);
            if (IsBehind(state, heartbeat))
                await catchUp();
        }
        finally
        {
            Volatile.Write(ref following, 0);
        }
    }
}
