using Deliberation.Persistence;

namespace Deliberation.Server.Extensions;

public static class PersistenceExtensions
{
    /// <summary>The event store on the provider named by <c>Storage:Provider</c> (SQLite by default).</summary>
    public static void AddDeliberationPersistence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDeliberationPersistence(builder.Configuration);
    }

    /// <summary>Migrations run before the silo takes traffic, so grains never meet an old schema.</summary>
    public static Task MigrateDatabaseAsync(this WebApplication app) => app.Services.MigrateDeliberationDatabaseAsync();
}
