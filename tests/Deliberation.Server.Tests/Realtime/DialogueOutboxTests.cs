using Deliberation.Server.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using static Deliberation.Server.Tests.Realtime.PushBatchTests;

namespace Deliberation.Server.Tests.Realtime;

public sealed class DialogueOutboxTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task WhatArrivesWithinAWindowGoesOutAsOneBatch()
    {
        var clock = new WindowClock();
        var sent = new List<PushBatch>();
        var outbox = new DialogueOutbox(() => Window, batch => { sent.Add(batch); return Task.CompletedTask; }, clock, NullLogger.Instance);

        outbox.Post([Event("statement-a", 1)]);
        await clock.TimerStartedAsync();
        outbox.Post([Event("statement-a", 2)]);
        outbox.Post([Event("statement-a", 3)]);
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.Empty(sent);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        var batch = Assert.Single(sent);
        Assert.Equal([1L, 2, 3], Assert.Single(batch.Events).Select(e => e.Version));
    }

    [Fact]
    public async Task ACompletedOutboxSendsWhatItHoldsBeforeItEnds()
    {
        var versions = new List<long>();
        var outbox = new DialogueOutbox(() => TimeSpan.Zero, batch =>
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
        var outbox = new DialogueOutbox(() => TimeSpan.FromMilliseconds(20), batch =>
        {
            if (firstAttempt.TrySetResult())
                throw new InvalidOperationException("The connection went away.");
            delivered.AddRange(batch.Events.SelectMany(s => s).Select(e => e.Version));
            return Task.CompletedTask;
        }, clock, NullLogger.Instance);

        outbox.Post([Event("statement-a", 1)]);
        await clock.TimerStartedAsync();
        clock.Advance(TimeSpan.FromMilliseconds(20));
        await firstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        outbox.Post([Event("statement-a", 2)]);
        await clock.TimerStartedAsync();
        clock.Advance(TimeSpan.FromMilliseconds(20));
        outbox.Complete();
        await outbox.Sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([2L], delivered);
    }
}
