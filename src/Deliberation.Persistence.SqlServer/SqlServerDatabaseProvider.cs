using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Deliberation.Persistence.SqlServer;

/// <summary>SQL Server: a database several server nodes can share.</summary>
public sealed class SqlServerDatabaseProvider : IDeliberationDatabaseProvider
{
    public string Name => "SqlServer";

    public void Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options.UseDeliberationSqlServer(string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException("Storage:Provider 'SqlServer' needs ConnectionStrings:Deliberation.")
            : connectionString);

    /// <summary>
    /// An exclusive application lock owned by the transaction, named after the scope; an append
    /// that waits 30 s for it fails rather than hang.
    /// </summary>
    public Task LockScopeForAppendAsync(DatabaseFacade database, string scope, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync(
            """
            DECLARE @result int;
            EXEC @result = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
            IF @result < 0 THROW 50001, 'Timed out waiting to append to the scope.', 1;
            """,
            ["deliberation-scope:" + scope], cancellationToken);
}

/// <summary>Points a context at SQL Server with this project's migrations.</summary>
public static class SqlServerDbContextOptionsExtensions
{
    public static TBuilder UseDeliberationSqlServer<TBuilder>(this TBuilder options, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .UseSqlServer(connectionString, sqlServer => sqlServer.MigrationsAssembly(typeof(SqlServerDatabaseProvider).Assembly))
            .UseDeliberationProvider(new SqlServerDatabaseProvider());
        return options;
    }
}
