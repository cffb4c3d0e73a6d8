using System.Diagnostics;

namespace Deliberation.Server.Polis;

/// <summary>
/// Where an import's time goes, phase by phase (docs/performance.md, "Imports of any size"): logged at
/// Debug under this class's category, so an operator turns it on for one run
/// (<c>--Logging:LogLevel:Deliberation.Server.Polis.ImportPhases=Debug</c>) and pays nothing otherwise
/// but a clock read or two per phase. Each phase has its wall clock and the process's CPU time over it:
/// on a machine whose cores are shared the wall clock says mostly how long the import waited for one.
/// </summary>
public sealed class ImportPhases(ILogger<ImportPhases> logger)
{
    private readonly Dictionary<string, (TimeSpan Wall, TimeSpan Cpu)> spent = new(StringComparer.Ordinal);
    private readonly Stopwatch total = Stopwatch.StartNew();

    // The process's CPU time says what the import cost when other work shares the cores, which the wall clock does not.
    private readonly TimeSpan processorAtStart = Environment.CpuUsage.TotalTime;

    /// <summary>When a phase began: a clock reading and the process's CPU time.</summary>
    public readonly record struct Mark(long Timestamp, TimeSpan Cpu);

    /// <summary>The phase timed by <see cref="TimeAsync"/> now running, innermost first; for a sampler of memory to say where its peak was.</summary>
    public string? Current { get; private set; }

    public static Mark Start() => new(Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime);

    /// <summary>Adds the time since <paramref name="started"/> to a phase.</summary>
    /// <remarks>
    /// Safe from two flows at once: the store's appends are timed on their own task beside the deciding
    /// (<see cref="StagedWriter"/>). A phase's CPU is the process's over its time, so phases that overlap
    /// each count what the other spent meanwhile.
    /// </remarks>
    public void Add(string phase, Mark started)
    {
        var wallSpent = Stopwatch.GetElapsedTime(started.Timestamp);
        var cpuSpent = Environment.CpuUsage.TotalTime - started.Cpu;
        lock (spent)
        {
            var (wall, cpu) = spent.GetValueOrDefault(phase);
            spent[phase] = (wall + wallSpent, cpu + cpuSpent);
        }
    }

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var started = Start();
        var outer = Current;
        Current = phase;
        try
        {
            return await work();
        }
        finally
        {
            Current = outer;
            Add(phase, started);
        }
    }

    public async Task TimeAsync(string phase, Func<Task> work) =>
        await TimeAsync(phase, async () =>
        {
            await work();
            return true;
        });

    public void Report(Guid jobId, long events)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
            return;
        string phases;
        lock (spent)
            phases = string.Join(", ", spent.Select(p => $"{p.Key} {p.Value.Wall.TotalSeconds:F2} s (CPU {p.Value.Cpu.TotalSeconds:F2} s)"));
        logger.LogDebug("Import {Job}: {Events} events in {Total:F2} s ({Cpu:F2} s of the server's CPU) — {Phases}; managed heap {Heap} MiB",
            jobId, events, total.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - processorAtStart).TotalSeconds, phases, GC.GetTotalMemory(false) / (1024 * 1024));
    }
}
