using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.SqlServer;

/// <summary>SQL Server: a database several server nodes can share.</summary>
public sealed class SqlServerDatabaseProvider : IDeliberationDatabaseProvider
{
    public void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseDeliberationSqlServer(string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Storage:Provider 'SqlServer' needs ConnectionStrings:Deliberation.")
            : connectionString);
}

/// <summary>Points a context at SQL Server with this project's migrations.</summary>
public static class SqlServerDbContextOptionsExtensions
{
    public static TBuilder UseDeliberationSqlServer<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlServer(connectionString, sqlServer => sqlServer.MigrationsAssembly(typeof(SqlServerDatabaseProvider).Assembly));
        return options;
    }
}
