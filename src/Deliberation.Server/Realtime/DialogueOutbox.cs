using System.Threading.Channels;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Realtime;

/// <summary>
/// One dialogue's pushes on this node, sent by a single loop. Sends are at least a window apart
/// (<c>Realtime:PushWindowMilliseconds</c>, longer in a big room): a push that finds the window
/// since the last send already over goes out at once — a quiet room pays nothing for batching
/// (docs/performance.md, "Quiet rooms") — and one that comes sooner waits out the rest of it while
/// more may arrive, then everything gathered goes out as one <see cref="PushBatch"/>. In a busy room
/// this turns many actions into one message per connection — what a node pays for is one socket
/// write per message per connection — and the single loop keeps every stream's pushes in order.
/// </summary>
public sealed class DialogueOutbox
{
    private readonly Channel<object> inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<TimeSpan> window;
    private readonly Func<PushBatch, Task> send;
    private readonly ILogger logger;
    private readonly TimeProvider time;

    /// <param name="time">The clock the window is waited out on, so tests can move it.</param>
    public DialogueOutbox(Func<TimeSpan> window, Func<PushBatch, Task> send, TimeProvider time, ILogger logger)
    {
        this.window = window;
        this.send = send;
        this.logger = logger;
        this.time = time;
        Sending = Task.Run(SendLoopAsync);
    }

    /// <summary>The loop; it ends after <see cref="Complete"/> once everything posted has been sent.</summary>
    public Task Sending { get; }

    public void Post(IReadOnlyList<RecordedEventEnvelope> events) => inbox.Writer.TryWrite(events);

    public void Post(ConsensusDelta delta) => inbox.Writer.TryWrite(delta);

    public void Complete() => inbox.Writer.TryComplete();

    private async Task SendLoopAsync()
    {
        long? lastSentAt = null;
        while (await inbox.Reader.WaitToReadAsync())
        {
            // Measured from the start of the last send, so a send slower than the window is followed
            // at once by what gathered meanwhile: the window bounds the rate, it never adds idle time.
            var wait = lastSentAt is { } last ? window() - time.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time);
            lastSentAt = time.GetTimestamp();
            var batch = new PushBatch();
            while (inbox.Reader.TryRead(out var item))
            {
                if (item is ConsensusDelta delta)
                    batch.Add(delta);
                else
                    batch.Add((IReadOnlyList<RecordedEventEnvelope>)item);
            }
            try
            {
                await send(batch);
            }
            catch (Exception e)
            {
                // A failed push must not stop the room: clients see the gap by version and catch up.
                logger.LogWarning(e, "Could not send a push batch");
            }
        }
    }
}
