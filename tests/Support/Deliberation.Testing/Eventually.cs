using System.Diagnostics;

namespace Deliberation.Testing;

/// <summary>
/// Polling with a deadline, for what a test cannot control the clock of: a real server process,
/// a real browser, pushes over a real connection. Code that takes a <see cref="TimeProvider"/>
/// is tested with a FakeTimeProvider instead, never with this.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    // What a bool condition answers when it holds: any non-null value ends the wait.
    private static readonly object Holds = new();

    /// <summary>
    /// Asks <paramref name="attempt"/> until it answers something (not null) and returns that;
    /// fails with <paramref name="failure"/>'s message once <paramref name="timeout"/> has passed.
    /// </summary>
    public static async Task<T> Async<T>(Func<Task<T?>> attempt, TimeSpan timeout, Func<string> failure, TimeSpan? interval = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(failure);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await attempt() is { } found)
                return found;
            if (clock.Elapsed >= timeout)
                break;
            await Task.Delay(interval ?? DefaultInterval);
        }
        Assert.Fail(failure());
        return null!;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="failure"/>'s message after <paramref name="timeout"/>.</summary>
    public static Task Async(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Async(async () => await condition() ? Holds : null, timeout, failure, interval);
    }

    /// <summary>The same for a condition that needs no awaiting.</summary>
    public static Task Async(Func<bool> condition, TimeSpan timeout, Func<string> failure, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Async(() => Task.FromResult(condition()), timeout, failure, interval);
    }
}
