using BenchmarkDotNet.Attributes;
using Deliberation.Persistence;
using Deliberation.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Benchmarks.History;

/// <summary>
/// Verifying one stream of 100,000 events (salted leaves and the hash chain, docs/api.md "Verifiable
/// history"): in memory, and through the store reading a SQLite file. Target (docs/performance.md): &lt; 1 s.
/// </summary>
[MemoryDiagnoser]
public class ChainVerificationBenchmarks
{
    public const int Events = 100_000;
    private const string StreamId = "statement-bench";

    private IReadOnlyList<StoredEvent> events = null!;
    private string folder = null!;
    private ServiceProvider services = null!;
    private IEventStore store = null!;

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), $"deliberation-bench-{Guid.NewGuid():N}");
        services = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseDeliberationSqlite($"Data Source={Path.Combine(folder, "bench.db")}"))
            .BuildServiceProvider();
        services.MigrateDeliberationDatabaseAsync().GetAwaiter().GetResult();
        store = services.GetRequiredService<IEventStore>();
        var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
        // Position events of a realistic size (about 200 bytes of payload), appended 1,000 at a time.
        for (var batch = 0; batch < Events / 1_000; batch++)
        {
            var append = Enumerable.Range(0, 1_000).Select(i =>
            {
                var n = batch * 1_000 + i;
                return new EventToAppend("PositionTaken",
                    $$"""{"participantId":"{{Guid.NewGuid()}}","clauseId":"{{Guid.NewGuid()}}","optionId":null,"revision":1,"position":"Support","note":"Position number {{n}}"}""",
                    start.AddSeconds(n), Guid.NewGuid().ToString());
            }).ToList();
            store.AppendAsync(StreamId, "bench", batch * 1_000L, append).GetAwaiter().GetResult();
        }
        events = store.ReadStreamAsync(StreamId).GetAwaiter().GetResult();
        if (events.Count != Events || !ChainVerifier.Verify(StreamId, events).IsIntact)
            throw new InvalidOperationException("The benchmark's stream did not verify.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public bool InMemory() => ChainVerifier.Verify(StreamId, events).IsIntact;

    [Benchmark]
    public async Task<bool> ThroughSqlite() => (await store.VerifyChainAsync(StreamId)).IsIntact;
}
