using Deliberation.Persistence.Postgres;
using Deliberation.Persistence.Sqlite;
using Deliberation.Persistence.SqlServer;

namespace Deliberation.Persistence.Tests.Fixtures;

/// <summary>Every provider, offered as the server offers them, in the server's order.</summary>
public static class OfferedProviders
{
    public static IReadOnlyList<IDeliberationDatabaseProvider> All { get; } =
        [new SqliteDatabaseProvider(), new SqlServerDatabaseProvider(), new PostgresDatabaseProvider()];
}
