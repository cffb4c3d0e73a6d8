using Deliberation.Persistence;
using Deliberation.Persistence.Postgres;
using Deliberation.Persistence.Sqlite;
using Deliberation.Persistence.SqlServer;

namespace Deliberation.Server.Extensions;

public static class PersistenceExtensions
{
    /// <summary>The databases this host offers under <c>Storage:Provider</c>; see docs/operations.md.</summary>
    public static IReadOnlyList<IDeliberationDatabaseProvider> DatabaseProviders { get; } =
        [new SqliteDatabaseProvider(), new SqlServerDatabaseProvider(), new PostgresDatabaseProvider()];

    /// <summary>The event store on the provider named by <c>Storage:Provider</c> (SQLite by default).</summary>
    public static void AddDeliberationPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDeliberationPersistence(builder.Configuration);
    }

    /// <summary>The store as the server registers it, for a host or test that has only a service collection.</summary>
    public static IServiceCollection AddDeliberationPersistence(this IServiceCollection services, IConfiguration configuration) =>
        services.AddDeliberationPersistence(configuration, DatabaseProviders);

    /// <summary>Migrations run before the silo takes traffic, so grains never meet an old schema.</summary>
    public static Task MigrateDatabaseAsync(this WebApplication app) => app.Services.MigrateDeliberationDatabaseAsync();
}
