using System.Diagnostics;

namespace Deliberation.Server.Polis;

/// <summary>
/// Where an import's time goes, phase by phase (docs/performance.md, "Imports of any size"): logged at
/// Debug under this class's category, so an operator turns it on for one run
/// (<c>--Logging:LogLevel:Deliberation.Server.Polis.ImportPhases=Debug</c>) and pays nothing otherwise
/// but a stopwatch read per phase.
/// </summary>
public sealed class ImportPhases(ILogger<ImportPhases> logger)
{
    private readonly Dictionary<string, TimeSpan> spent = new(StringComparer.Ordinal);
    private readonly Stopwatch total = Stopwatch.StartNew();

    // The process's CPU time says what the import cost when other work shares the cores, which the wall clock does not.
    private readonly TimeSpan processorAtStart = Environment.CpuUsage.TotalTime;

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a phase.</summary>
    public void Add(string phase, long started) =>
        spent[phase] = spent.GetValueOrDefault(phase) + Stopwatch.GetElapsedTime(started);

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(phase, started);
        }
    }

    public async Task TimeAsync(string phase, Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await work();
        }
        finally
        {
            Add(phase, started);
        }
    }

    public void Report(Guid jobId, long events)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
            return;
        var phases = string.Join(", ", spent.Select(p => $"{p.Key} {p.Value.TotalSeconds:F2} s"));
        logger.LogDebug("Import {Job}: {Events} events in {Total:F2} s ({Cpu:F2} s of the server's CPU) — {Phases}; managed heap {Heap} MiB",
            jobId, events, total.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - processorAtStart).TotalSeconds, phases, GC.GetTotalMemory(false) / (1024 * 1024));
    }
}
