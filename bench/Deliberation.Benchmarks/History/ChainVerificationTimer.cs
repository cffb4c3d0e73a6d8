using System.Diagnostics;

namespace Deliberation.Benchmarks.History;

/// <summary>
/// <c>dotnet run -c Release -- chain [runs]</c>: verifies the 100,000-event stream of
/// <see cref="ChainVerificationBenchmarks"/> a few times and prints wall-clock and CPU time of each
/// run. CPU time is the figure to trust on a busy machine, where other processes stretch the wall clock.
/// </summary>
public static class ChainVerificationTimer
{
    public static async Task<int> RunAsync(int runs)
    {
        var bench = new ChainVerificationBenchmarks();
        Console.WriteLine($"Building a stream of {ChainVerificationBenchmarks.Events:N0} events in SQLite ...");
        bench.Setup();
        try
        {
            bench.InMemory();
            await bench.ThroughSqlite();
            for (var run = 1; run <= runs; run++)
            {
                Time($"in memory   run {run}", () => { bench.InMemory(); return Task.CompletedTask; }).GetAwaiter().GetResult();
                await Time($"via SQLite  run {run}", bench.ThroughSqlite);
            }
        }
        finally
        {
            bench.Cleanup();
        }
        return 0;
    }

    private static async Task Time(string name, Func<Task> action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await action();
        wall.Stop();
        process.Refresh();
        Console.WriteLine($"{name}: wall {wall.Elapsed.TotalMilliseconds,7:N0} ms, CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds,7:N0} ms");
    }
}
