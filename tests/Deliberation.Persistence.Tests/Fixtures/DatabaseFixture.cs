using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Tests.Fixtures;

/// <summary>
/// A freshly created, migrated database for one test class, wired up exactly as the server
/// wires it (<c>AddDeliberationPersistence(configuration, providers)</c>), and dropped afterwards.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;
    private ServiceProvider? _services;

    /// <summary>The <c>Storage:Provider</c> value.</summary>
    public abstract string Provider { get; }

    /// <summary>
    /// True when the database queues writers at the start of a transaction (SQLite), so the
    /// version check settles a race; false when racing writers reach the unique index (PostgreSQL).
    /// </summary>
    public abstract bool WritersQueueAtBegin { get; }

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");
    public IEventStore Store => Services.GetRequiredService<IEventStore>();
    public IDialogueDirectory Directory => Services.GetRequiredService<IDialogueDirectory>();
    public IDbContextFactory<DeliberationDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public abstract Task<string> CreateEmptyDatabaseAsync();

    public abstract Task DropDatabaseAsync(string connectionString);

    public ServiceProvider BuildServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = Provider,
                ["ConnectionStrings:Deliberation"] = connectionString,
            })
            .Build();
        return new ServiceCollection().AddDeliberationPersistence(configuration, OfferedProviders.All).BuildServiceProvider();
    }

    public async Task InitializeAsync()
    {
        _connectionString = await CreateEmptyDatabaseAsync();
        _services = BuildServices(_connectionString);
        await _services.MigrateDeliberationDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        if (_connectionString is not null)
            await DropDatabaseAsync(_connectionString);
    }
}
