using Microsoft.Data.Sqlite;

namespace Deliberation.Persistence.Tests.Fixtures;

/// <summary>A SQLite file in its own temporary folder.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    public override string Provider => "Sqlite";

    public override bool WritersQueueAtBegin => true;

    public override Task<string> CreateEmptyDatabaseAsync()
    {
        // The folder does not exist yet: the provider must create it, as it does for ./data.
        var folder = Path.Combine(Path.GetTempPath(), $"deliberation-test-{Guid.NewGuid():N}");
        return Task.FromResult($"Data Source={Path.Combine(folder, "deliberation.db")}");
    }

    public override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(file);
        if (folder is not null && System.IO.Directory.Exists(folder))
            System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
