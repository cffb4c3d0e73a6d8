using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Deliberation.Persistence.Postgres;

/// <summary>PostgreSQL: a database several server nodes can share.</summary>
public sealed class PostgresDatabaseProvider : IDeliberationDatabaseProvider
{
    public string Name => "Postgres";

    public void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseDeliberationPostgres(string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Storage:Provider 'Postgres' needs ConnectionStrings:Deliberation.")
            : connectionString);

    /// <summary>
    /// A transaction-scoped advisory lock keyed by a hash of the scope: released at commit or
    /// rollback; a collision of two scopes' hashes merely queues them together.
    /// </summary>
    public Task LockScopeForAppendAsync(DatabaseFacade database, string scope, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))", [scope], cancellationToken);
}

/// <summary>Points a context at PostgreSQL with this project's migrations.</summary>
public static class PostgresDbContextOptionsExtensions
{
    public static TBuilder UseDeliberationPostgres<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabaseProvider).Assembly))
            .UseDeliberationProvider(new PostgresDatabaseProvider());
        return options;
    }
}
