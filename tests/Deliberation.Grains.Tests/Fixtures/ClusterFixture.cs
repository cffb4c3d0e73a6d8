using Deliberation.Grains;
using Deliberation.Persistence;
using Deliberation.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace Deliberation.Grains.Tests.Fixtures;

/// <summary>
/// One Orleans cluster of two in-process silos over one migrated SQLite file, shared by every test.
/// Both silos and the tests' own <see cref="Store"/> open the same file, so what a test reads from the
/// store is what a grain committed, and a grain on either silo can be deactivated and reloaded.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    // Odd ticks on purpose: the store keeps whole microseconds, so a state held in memory and the
    // same state reloaded only agree if the grain applies the stored times, not its own clock's.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"deliberation-grains-{Guid.NewGuid():N}");
    private ServiceProvider? storeServices;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The clock every grain reads; each reading moves it on a little, so events get distinct times.</summary>
    public FakeTimeProvider Time { get; } = new(Start) { AutoAdvanceAmount = TimeSpan.FromTicks(10_000_007) };

    /// <summary>The event store on the cluster's database, opened outside the silos ("behind the grains' backs").</summary>
    public IEventStore Store { get; private set; } = null!;

    /// <summary>Every call the silos' grains receive, for tests that count the calls one action costs.</summary>
    public GrainCallCounter Calls { get; } = new();

    /// <summary>Holds the calls grains send to chosen grains, for tests of what a call finds when it arrives.</summary>
    public CallGate Gate { get; } = new();

    public IDialogueDirectory Directory { get; private set; } = null!;

    public string ConnectionString => $"Data Source={Path.Combine(folder, "deliberation.db")}";

    public async Task InitializeAsync()
    {
        storeServices = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseDeliberationSqlite(ConnectionString))
            .BuildServiceProvider();
        await storeServices.MigrateDeliberationDatabaseAsync();
        Store = storeServices.GetRequiredService<IEventStore>();
        Directory = storeServices.GetRequiredService<IDialogueDirectory>();

        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureHost(host => host.Logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSerializer(serializer => serializer.AddDomainJson());
            silo.Services.AddDeliberationPersistence(options => options.UseDeliberationSqlite(ConnectionString));
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddSingleton<IIncomingGrainCallFilter>(Calls);
            silo.Services.AddSingleton<IOutgoingGrainCallFilter>(Gate);
            // Orleans resolves its own clocks by key, falling back to the unkeyed one: keep the
            // runtime (membership, messaging, collection) on real time, so only the grains' clock is fake.
            foreach (var area in RuntimeClocks)
                silo.Services.AddKeyedSingleton(area, TimeProvider.System);
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddDomainJson()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
            await Cluster.DisposeAsync();
        if (storeServices is not null)
            await storeServices.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
    }

    /// <summary>Ends the grain's activation and waits until it is gone; the next call activates it afresh from the store.</summary>
    public Task DeactivateAsync(IAddressable grain) => Cluster.DeactivateAsync(grain);

    /// <summary>The grain factory of one silo, to call grains from inside the cluster as another grain would.</summary>
    public IGrainFactory FactoryOf(InProcessSiloHandle silo) =>
        Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<IGrainFactory>();

    private static readonly string[] RuntimeClocks =
    [
        TimeProviderNames.Grains,
        TimeProviderNames.Messaging,
        TimeProviderNames.SystemTimers,
        TimeProviderNames.Membership,
        TimeProviderNames.ActivationManagement,
        TimeProviderNames.GrainDirectory,
    ];
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}
