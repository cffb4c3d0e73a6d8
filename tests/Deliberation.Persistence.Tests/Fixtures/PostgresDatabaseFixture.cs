using Npgsql;

namespace Deliberation.Persistence.Tests.Fixtures;

/// <summary>
/// A new database <c>deliberation_test_&lt;guid&gt;</c> on the PostgreSQL server named by
/// <c>DELIBERATION_TEST_POSTGRES</c>, dropped afterwards.
/// </summary>
public sealed class PostgresDatabaseFixture : DatabaseFixture
{
    public const string EnvironmentVariable = "DELIBERATION_TEST_POSTGRES";

    public override string Provider => "Postgres";

    public override bool WritersQueueAtBegin => false;

    // Never skipped: a store that is only tested on SQLite is not tested.
    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests cannot run. Run scripts/test.sh, " +
                "which starts a throwaway PostgreSQL server and sets it, or set it yourself to a connection " +
                "string of a server where this user may create databases, e.g. " +
                "\"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".");

    public override async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"deliberation_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public override async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
