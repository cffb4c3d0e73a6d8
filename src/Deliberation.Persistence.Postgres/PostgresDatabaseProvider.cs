using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.Postgres;

/// <summary>PostgreSQL: a database several server nodes can share.</summary>
public sealed class PostgresDatabaseProvider : IDeliberationDatabaseProvider
{
    public void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseDeliberationPostgres(string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Storage:Provider 'Postgres' needs ConnectionStrings:Deliberation.")
            : connectionString);
}

/// <summary>Points a context at PostgreSQL with this project's migrations.</summary>
public static class PostgresDbContextOptionsExtensions
{
    public static TBuilder UseDeliberationPostgres<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabaseProvider).Assembly));
        return options;
    }
}
