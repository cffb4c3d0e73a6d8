using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Realtime;

/// <summary>
/// "Who is here" to this node's connections, at most once a window per dialogue, the newest list
/// winning. Every join, leave and reconnect changes presence, and each change pushed to everyone
/// costs a message per connection: 1,000 people joining one after another would cost 500,000
/// messages (docs/performance.md, "Joining"). The first change after a quiet spell goes out at
/// once; changes within the window after a push wait for its end and go out as one.
/// </summary>
public sealed class PresencePushes
{
    private readonly Func<Presence, Task> send;
    private readonly Func<Guid, TimeSpan> windowOf;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Dictionary<Guid, Pending> pending = [];

    public PresencePushes(PushSender pushes, NodeConnections connections, IConfiguration configuration, TimeProvider time, ILogger<PresencePushes> logger)
    {
        var window = TimeSpan.FromMilliseconds(configuration.GetValue("Realtime:PresenceWindowMilliseconds", 100));
        // Like the events' window (OutboxRegistry): a big room gets presence less often, within the node's push budget.
        var budget = new PushBudget(configuration);
        send = pushes.SendPresenceAsync;
        windowOf = dialogueId => budget.Window(window, connections.CountIn(dialogueId));
        this.time = time;
        this.logger = logger;
    }

    /// <param name="send">Where a presence goes (the hub, or a test's list).</param>
    /// <param name="windowOf">The least time between two pushes of a dialogue.</param>
    /// <param name="time">The clock the window is waited out on, so tests can move it.</param>
    internal PresencePushes(Func<Presence, Task> send, Func<Guid, TimeSpan> windowOf, TimeProvider time, ILogger logger)
    {
        this.send = send;
        this.windowOf = windowOf;
        this.time = time;
        this.logger = logger;
    }

    public void Post(Presence presence)
    {
        lock (pending)
        {
            if (pending.TryGetValue(presence.DialogueId, out var waiting))
            {
                waiting.Newest = presence;
                return;
            }
            var started = new Pending { Newest = presence };
            pending[presence.DialogueId] = started;
            _ = Task.Run(() => SendAsync(presence.DialogueId, started));
        }
    }

    /// <summary>Sends the newest presence, then keeps the dialogue's slot for a window so what comes meanwhile waits.</summary>
    private async Task SendAsync(Guid dialogueId, Pending slot)
    {
        while (true)
        {
            Presence? next;
            lock (pending)
            {
                next = slot.Newest;
                slot.Newest = null;
                if (next is null)
                {
                    pending.Remove(dialogueId);
                    return;
                }
            }
            try
            {
                await send(next);
            }
            catch (Exception e)
            {
                // The next change, or the renewal's push, brings the list again.
                logger.LogWarning(e, "Could not push presence of dialogue {DialogueId}", dialogueId);
            }
            await Task.Delay(windowOf(dialogueId), time);
        }
    }

    private sealed class Pending
    {
        public Presence? Newest { get; set; }
    }
}
