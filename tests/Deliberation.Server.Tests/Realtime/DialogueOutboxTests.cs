using System.Diagnostics.Metrics;
using Deliberation.Server.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using static Deliberation.Server.Tests.Realtime.PushBatchTests;

namespace Deliberation.Server.Tests.Realtime;

public sealed class DialogueOutboxTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    /// <summary>A quiet room pays nothing for batching: with no send in the last window, a push goes out without waiting on the clock.</summary>
    [Fact]
    public async Task APushIntoAQuietRoomGoesOutAtOnce()
    {
        var clock = new WindowClock();
        var sent = new TaskCompletionSource<PushBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = new DialogueOutbox("test", () => Window, int.MaxValue, batch => { sent.TrySetResult(batch); return Task.CompletedTask; }, clock, NullLogger.Instance);

        outbox.Post([Event("statement-a", 1)]);

        // The fake clock never moves here: a window waited out would never end.
        var batch = await sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1L], Assert.Single(batch.Events).Select(e => e.Version));
        outbox.Complete();
    }

    [Fact]
    public async Task APushSoonAfterASendWaitsOutTheWindowAndGoesOutWithWhatArrivedMeanwhile()
    {
        var clock = new WindowClock();
        var sent = new List<PushBatch>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = new DialogueOutbox("test", () => Window, int.MaxValue, batch =>
        {
            lock (sent)
                sent.Add(batch);
            first.TrySetResult();
            return Task.CompletedTask;
        }, clock, NullLogger.Instance);

        outbox.Post([Event("statement-a", 1)]);
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        outbox.Post([Event("statement-a", 2)]);
        await clock.TimerStartedAsync();
        outbox.Post([Event("statement-a", 3)]);
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        lock (sent)
            Assert.Single(sent);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, sent.Count);
        Assert.Equal([1L], Assert.Single(sent[0].Events).Select(e => e.Version));
        Assert.Equal([2L, 3], Assert.Single(sent[1].Events).Select(e => e.Version));
    }

    [Fact]
    public async Task APushAfterTheWindowHasPassedGoesOutAtOnce()
    {
        var clock = new WindowClock();
        var batches = System.Threading.Channels.Channel.CreateUnbounded<PushBatch>();
        var outbox = new DialogueOutbox("test", () => Window, int.MaxValue, batch => { batches.Writer.TryWrite(batch); return Task.CompletedTask; }, clock, NullLogger.Instance);

        outbox.Post([Event("statement-a", 1)]);
        await batches.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(Window);
        outbox.Post([Event("statement-a", 2)]);

        var second = await batches.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([2L], Assert.Single(second.Events).Select(e => e.Version));
        outbox.Complete();
    }

    [Fact]
    public async Task ACompletedOutboxSendsWhatItHoldsBeforeItEnds()
    {
        var versions = new List<long>();
        var outbox = new DialogueOutbox("test", () => TimeSpan.Zero, int.MaxValue, batch =>
        {
            versions.AddRange(batch.Events.SelectMany(s => s).Select(e => e.Version));
            return Task.CompletedTask;
        }, new WindowClock(), NullLogger.Instance);

        for (var v = 1; v <= 50; v++)
            outbox.Post([Event("statement-a", v)]);
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(1, 50).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task AFailedSendDoesNotStopTheOutbox()
    {
        var clock = new WindowClock();
        var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = new List<long>();
        var outbox = new DialogueOutbox("test", () => TimeSpan.FromMilliseconds(20), int.MaxValue, batch =>
        {
            if (firstAttempt.TrySetResult())
                throw new InvalidOperationException("The connection went away.");
            delivered.AddRange(batch.Events.SelectMany(s => s).Select(e => e.Version));
            return Task.CompletedTask;
        }, clock, NullLogger.Instance);

        outbox.Post([Event("statement-a", 1)]);
        await firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        outbox.Post([Event("statement-a", 2)]);
        await clock.TimerStartedAsync();
        clock.Advance(TimeSpan.FromMilliseconds(20));
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([2L], delivered);
    }

    /// <summary>
    /// A node that fell behind sends its backlog in pushes of at most the cap, never one message as
    /// large as the backlog (each connection's pipe held a copy of it); a commit is never split; every
    /// event goes out once, in order; and the operator is told once that it fell behind and once that it caught up.
    /// </summary>
    [Fact]
    public async Task ABacklogGoesOutInPushesOfAtMostTheCapWithNothingLostAndNoCommitSplit()
    {
        var log = new FakeLogger();
        var firstSendEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowFirstSend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<IReadOnlyList<long>>();
        var outbox = new DialogueOutbox("Dialogue d's events", () => TimeSpan.Zero, 50, async batch =>
        {
            batches.Add([.. batch.Events.SelectMany(s => s).Select(e => e.Version)]);
            firstSendEntered.TrySetResult();
            await slowFirstSend.Task;
        }, new WindowClock(), log);

        outbox.Post([Event("statement-a", 1)]);
        await firstSendEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // While the first push is on its way: 198 single events, a commit of three, one more.
        for (var v = 2; v <= 199; v++)
            outbox.Post([Event("statement-a", v)]);
        outbox.Post([Event("statement-a", 200), Event("statement-a", 201), Event("statement-a", 202)]);
        outbox.Post([Event("statement-a", 203)]);
        slowFirstSend.SetResult();
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 50, 50, 50, 51, 1], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(1, 203).Select(v => (long)v), batches.SelectMany(b => b));
        var records = log.Collector.GetSnapshot();
        var behind = Assert.Single(records, r => r.Level == LogLevel.Warning);
        Assert.Equal("Dialogue d's events fell behind: 150 commits wait for the next pushes, which go out 50 events at a time", behind.Message);
        Assert.Single(records, r => r.Level == LogLevel.Information && r.Message.StartsWith("Dialogue d's events caught up after", StringComparison.Ordinal));
    }

    /// <summary>
    /// What the node's metrics say of an outbox that fell behind: the commits waiting while a push is
    /// on its way, nothing once it caught up, and each push's size and duration, tagged with what it pushes.
    /// </summary>
    [Fact]
    public async Task TheMetricsShowWhatWaitsWhileAPushIsOnItsWayAndEachPushsSize()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new PushMetrics(services.GetRequiredService<IMeterFactory>());
        using var waiting = new MetricCollector<long>(metrics.Waiting);
        using var sizes = new MetricCollector<int>(metrics.Events);
        using var durations = new MetricCollector<double>(metrics.Duration);
        var firstSendEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowFirstSend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var outbox = new DialogueOutbox("test", () => TimeSpan.Zero, 2, async _ =>
        {
            firstSendEntered.TrySetResult();
            await slowFirstSend.Task;
        }, new WindowClock(), NullLogger.Instance, metrics.For("events"));

        outbox.Post([Event("statement-a", 1)]);
        await firstSendEntered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var v = 2; v <= 6; v++)
            outbox.Post([Event("statement-a", v)]);
        Assert.Equal(5, WaitingNow(waiting));

        slowFirstSend.SetResult();
        // Caught up, the outbox still open: nothing waits.
        await sizes.WaitForMeasurementsAsync(4).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, WaitingNow(waiting));
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 2, 1], sizes.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.All(sizes.GetMeasurementSnapshot(), m => Assert.Equal("events", m.Tags["deliberation.outbox.kind"]));
        Assert.Equal(4, durations.GetMeasurementSnapshot().Count);
    }

    private static long WaitingNow(MetricCollector<long> waiting)
    {
        waiting.RecordObservableInstruments();
        var now = waiting.LastMeasurement!;
        Assert.Equal("events", now.Tags["deliberation.outbox.kind"]);
        return now.Value;
    }
}
