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
/// A push holds at most <c>Realtime:MaxEventsPerPush</c> events (a commit is never split, so one
/// may take it a little past): a node that fell behind sends what gathered meanwhile in pushes of
/// that size, one after the other, each waited for, rather than in one message as large as the
/// backlog, of which every connection's pipe held a copy while it drained (docs/performance.md,
/// "Session 21: bounded pushes").
/// </summary>
public sealed class DialogueOutbox
{
    private readonly Channel<object> inbox = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string name;
    private readonly Func<TimeSpan> window;
    private readonly int maxEventsPerPush;
    private readonly Func<PushBatch, Task> send;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly OutboxMeter meter;

    // What was posted and not yet read; the single-reader channel cannot count itself.
    private int waiting;

    /// <param name="name">What the log calls this outbox ("dialogue …'s events").</param>
    /// <param name="time">The clock the window is waited out on, so tests can move it.</param>
    /// <param name="meter">Where the node's metrics learn what waits and what each push took (<see cref="PushMetrics"/>).</param>
    public DialogueOutbox(string name, Func<TimeSpan> window, int maxEventsPerPush, Func<PushBatch, Task> send, TimeProvider time, ILogger logger, OutboxMeter? meter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEventsPerPush, 1);
        this.name = name;
        this.window = window;
        this.maxEventsPerPush = maxEventsPerPush;
        this.send = send;
        this.logger = logger;
        this.time = time;
        this.meter = meter ?? OutboxMeter.None;
        this.meter.Track(this);
        Sending = Task.Run(SendLoopAsync);
    }

    /// <summary>The loop; it ends after <see cref="Complete"/> once everything posted has been sent.</summary>
    public Task Sending { get; }

    public void Post(IReadOnlyList<RecordedEventEnvelope> events) => Post((object)events);

    public void Post(ConsensusDelta delta) => Post((object)delta);

    private void Post(object item)
    {
        // Counted before it is written, so the loop never reads an item it has not counted.
        Interlocked.Increment(ref waiting);
        if (!inbox.Writer.TryWrite(item))
            Interlocked.Decrement(ref waiting);
    }

    /// <summary>What was posted and no push has taken yet (the node's metrics read it: <see cref="PushMetrics"/>).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    public void Complete() => inbox.Writer.TryComplete();

    private async Task SendLoopAsync()
    {
        long? lastSentAt = null;
        long? behindSince = null;
        while (await inbox.Reader.WaitToReadAsync())
        {
            // Measured from the start of the last send, so a send slower than the window is followed
            // at once by what gathered meanwhile: the window bounds the rate, it never adds idle time.
            var wait = lastSentAt is { } last ? window() - time.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time);
            lastSentAt = time.GetTimestamp();
            var batch = new PushBatch();
            while (batch.EventCount < maxEventsPerPush && inbox.Reader.TryRead(out var item))
            {
                Interlocked.Decrement(ref waiting);
                if (item is ConsensusDelta delta)
                    batch.Add(delta);
                else
                    batch.Add((IReadOnlyList<RecordedEventEnvelope>)item);
            }
            behindSince = NoteWhetherBehind(behindSince);
            try
            {
                await send(batch);
                meter.Sent(batch, time.GetElapsedTime(lastSentAt.Value));
            }
            catch (Exception e)
            {
                // A failed push must not stop the room: clients see the gap by version and catch up.
                logger.LogWarning(e, "Could not send a push batch");
            }
        }
        meter.Untrack(this);
    }

    /// <summary>Tells the operator once when a push had to leave events for the next, and once when the outbox caught up.</summary>
    private long? NoteWhetherBehind(long? behindSince)
    {
        var left = Volatile.Read(ref waiting);
        if (left > 0 && behindSince is null)
        {
            logger.LogWarning("{Outbox} fell behind: {Waiting} commits wait for the next pushes, which go out {MaxEvents} events at a time", name, left, maxEventsPerPush);
            return time.GetTimestamp();
        }
        if (left == 0 && behindSince is { } since)
        {
            logger.LogInformation("{Outbox} caught up after {Seconds:0.0} s behind", name, time.GetElapsedTime(since).TotalSeconds);
            return null;
        }
        return behindSince;
    }
}
