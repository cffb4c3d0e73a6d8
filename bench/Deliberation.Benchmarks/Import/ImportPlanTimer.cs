using System.Diagnostics;
using System.Globalization;
using Deliberation.Persistence;
using Deliberation.Persistence.Sqlite;
using Deliberation.Polis;
using Deliberation.Server.Polis;
using Deliberation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deliberation.Benchmarks.Import;

/// <summary>
/// <c>dotnet run -c Release -- import-plan [sizes]</c>: a Pol.is import without the HTTP server
/// (docs/performance.md, "Imports of any size"): a synthetic export read, its plan decided, encoded
/// and staged into a SQLite file in the temporary folder, its statement's snapshot written and the
/// import made visible, as the server's import job does (<c>Polis/ImportJobs</c>). Prints per size the
/// wall clock, the process's CPU time, garbage collections and their pause time, the peak working set
/// and managed heap (sampled every 20 ms) and the job's phases. Run one size per process for a peak
/// that belongs to that size alone: the working set of a process only grows back slowly.
/// A size is participants×comments[×votes each], e.g. 33000x783x61 (2,013,000 votes).
/// </summary>
public static class ImportPlanTimer
{
    public static async Task<int> RunAsync(IReadOnlyList<string> sizes)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug));
        foreach (var size in sizes)
            await RunOneAsync(size, loggers.CreateLogger<ImportPhases>());
        return 0;
    }

    private static async Task RunOneAsync(string size, ILogger<ImportPhases> phaseLog)
    {
        var parts = size.Split('x').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var folder = Path.Combine(Path.GetTempPath(), $"deliberation-import-plan-{Guid.NewGuid():N}");
        var votes = SyntheticPolisExport.Write(folder, parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
        var services = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseDeliberationSqlite($"Data Source={Path.Combine(folder, "import.db")}"))
            .BuildServiceProvider();
        try
        {
            await services.MigrateDeliberationDatabaseAsync();
            var staging = services.GetRequiredService<IImportStaging>();
            GC.Collect();
            var phases = new ImportPhases(phaseLog);
            using var peaks = new PeakSampler(() => phases.Current);
            var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes());
            var cpu = Environment.CpuUsage.TotalTime;
            var wall = Stopwatch.StartNew();

            var importer = Guid.NewGuid();
            var now = DateTimeOffset.UtcNow;
            using var plan = ReadPlan(folder, phases);
            var outcome = await StagedImport.WriteAsync(plan, staging, importer, now, _ => { }, phases, CancellationToken.None);
            if (!outcome.Promoted)
                throw new InvalidOperationException($"The import was not made visible: {outcome.Refused?.Message ?? "discarded"}.");
            var events = outcome.Written;

            wall.Stop();
            var cpuSpent = Environment.CpuUsage.TotalTime - cpu;
            var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : "?";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import-plan {size}: {votes:N0} votes, {events:N0} events; wall {wall.Elapsed.TotalSeconds:F2} s, CPU {cpuSpent.TotalSeconds:F2} s " +
                $"({cpuSpent.TotalMicroseconds / events:F1} µs/event); GC gen0 {GC.CollectionCount(0) - gcBefore.Gen0}, gen1 {GC.CollectionCount(1) - gcBefore.Gen1}, " +
                $"gen2 {GC.CollectionCount(2) - gcBefore.Gen2}, paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalSeconds:F2} s, " +
                $"allocated {(GC.GetTotalAllocatedBytes() - gcBefore.Allocated) / (1024 * 1024):N0} MiB ({(GC.GetTotalAllocatedBytes() - gcBefore.Allocated) / events:N0} B/event); " +
                $"peak working set {peaks.WorkingSet / (1024 * 1024):N0} MiB, peak managed heap {peaks.Heap / (1024 * 1024):N0} MiB; " +
                $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {System.Runtime.GCSettings.LatencyMode}; loadavg {load}"));
            Console.WriteLine("peaks by phase (managed heap / working set): " + string.Join(", ", peaks.ByPhase.Select(p => $"{p.Key} {p.Value.Heap / (1024 * 1024):N0} / {p.Value.WorkingSet / (1024 * 1024):N0} MiB")));
            phases.Report(Guid.Empty, events);
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>As the server reads an upload: the files read whole once, then the votes again from their file as they are written.</summary>
    private static ImportPlan ReadPlan(string folder, ImportPhases phases)
    {
        var reading = ImportPhases.Start();
        var limits = PolisImporter.Limits with { MaxBytesPerFile = 1L << 40 };
        using var comments = File.OpenRead(Path.Combine(folder, PolisFiles.Comments));
        var participantsVotes = File.OpenRead(Path.Combine(folder, PolisFiles.ParticipantsVotes));
        var plan = ImportPlan.Of(PolisReader.Read(comments, participantsVotes, null, limits), "Benchmark", "Importer", participantsVotes, limits);
        phases.Add("read", reading);
        return plan;
    }

    /// <summary>The highest working set and managed heap seen while it lives, sampled on a thread of its own.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Thread thread;
        private long workingSet;
        private long heap;

        private readonly Func<string?> phase;
        private readonly Dictionary<string, (long Heap, long WorkingSet)> byPhase = [];

        public PeakSampler(Func<string?> phase)
        {
            this.phase = phase;
            thread = new Thread(() =>
            {
                using var process = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    Sample(process);
                    stop.Token.WaitHandle.WaitOne(20);
                }
                Sample(process);
            }) { IsBackground = true, Name = "peak sampler" };
            thread.Start();
        }

        public long WorkingSet => Interlocked.Read(ref workingSet);

        public long Heap => Interlocked.Read(ref heap);

        /// <summary>The highest managed heap and working set seen in each phase of the job (the innermost phase timed at the moment).</summary>
        public IReadOnlyDictionary<string, (long Heap, long WorkingSet)> ByPhase
        {
            get
            {
                lock (byPhase)
                    return new Dictionary<string, (long, long)>(byPhase);
            }
        }

        private void Sample(Process process)
        {
            process.Refresh();
            Interlocked.Exchange(ref workingSet, Math.Max(Interlocked.Read(ref workingSet), process.WorkingSet64));
            var managed = GC.GetTotalMemory(false);
            var resident = process.WorkingSet64;
            Interlocked.Exchange(ref heap, Math.Max(Interlocked.Read(ref heap), managed));
            var now = phase() ?? "read, or between phases";
            lock (byPhase)
            {
                var (heapPeak, residentPeak) = byPhase.GetValueOrDefault(now);
                byPhase[now] = (Math.Max(heapPeak, managed), Math.Max(residentPeak, resident));
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            thread.Join();
            stop.Dispose();
        }
    }
}
