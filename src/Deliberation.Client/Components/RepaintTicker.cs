namespace Deliberation.Client.Components;

/// <summary>
/// Repaints a component every period while it shows a clock (a timer, the agenda item's minutes):
/// nothing is pushed when only time passes, so the screen must turn the clock over itself. The
/// clock is the injected <see cref="TimeProvider"/>, so tests can move it.
/// </summary>
public sealed class RepaintTicker(TimeSpan period) : IDisposable
{
    private PeriodicTimer? ticker;
    private CancellationTokenSource? stop;

    /// <summary>Starts ticking the first time it is asked; later calls do nothing.</summary>
    public void EnsureStarted(TimeProvider time, Func<Task> repaint)
    {
        if (ticker is not null)
            return;
        stop = new CancellationTokenSource();
        ticker = new PeriodicTimer(period, time);
        _ = TickAsync(ticker, stop.Token, repaint);
    }

    private static async Task TickAsync(PeriodicTimer ticker, CancellationToken stopped, Func<Task> repaint)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync(stopped))
                await repaint();
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public void Dispose()
    {
        stop?.Cancel();
        ticker?.Dispose();
        stop?.Dispose();
    }
}
