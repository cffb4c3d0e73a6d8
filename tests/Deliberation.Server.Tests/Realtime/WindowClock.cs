using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Server.Tests.Realtime;

/// <summary>
/// A fake clock that says when a timer starts, so a test moves time only once the outbox is
/// waiting out its window — no sleeping, no polling, the same result on a busy machine.
/// </summary>
internal sealed class WindowClock : FakeTimeProvider
{
    private readonly SemaphoreSlim started = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        started.Release();
        return timer;
    }

    /// <summary>Waits until the next timer not yet waited for has started.</summary>
    public async Task TimerStartedAsync() =>
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)), "No timer started within 10 seconds.");
}
