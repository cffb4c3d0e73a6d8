using Deliberation.Persistence.Postgres;
using Deliberation.Persistence.Sqlite;
using Deliberation.Persistence.SqlServer;
using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Tests;

public sealed class SqliteMigrationTests(SqliteDatabaseFixture database) : MigrationTests<SqliteDatabaseFixture>(database)
{
    /// <summary>
    /// Also: a writer behind another's write lock waits inside SQLite (busy_timeout), woken within a millisecond
    /// or two of the release, not by Microsoft.Data.Sqlite's 150 ms naps (the room's p99 at 200 actions/s,
    /// docs/performance.md, "The review trace in parts").
    /// </summary>
    [Fact]
    public async Task SqliteRunsInWriteAheadModeWithFullSyncAndWaitsForTheWriteLockInsideSqlite()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous"));
        Assert.Equal("5000", await ScalarAsync(connection, "PRAGMA busy_timeout"));
    }

    /// <summary>
    /// The snapshots' state is the table's last column, so the zero-filled BLOB a large state is copied into
    /// stays a count of zeros in SQLite; with a column after it SQLite spelled it out in memory, 1.2 GB for an
    /// imported statement of 2,000,000 positions (docs/performance.md, "Session 15: the snapshot SQLite spelled out").
    /// A database made before the move keeps its snapshots, and a state written by the stream read back.
    /// </summary>
    [Fact]
    public async Task SnapshotStateIsTheLastColumnAndADatabaseMadeBeforeKeepsItsSnapshots()
    {
        var connectionString = await Database.CreateEmptyDatabaseAsync();
        try
        {
            await using var services = Database.BuildServices(connectionString);
            var contexts = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();
            await using (var db = await contexts.CreateDbContextAsync())
            {
                var before = db.Database.GetMigrations().Single(m => m.EndsWith("_PendingImports", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(before);
                Assert.Equal(["StreamId", "Version", "StateJson", "TakenAt"], await ColumnsAsync(db));
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "Snapshots" ("StreamId", "Version", "StateJson", "TakenAt") VALUES ('statement-1', 7, {0}, '2026-12-01 09:00:00+00:00')""",
                    """{"title":"Zürich"}""");
            }

            await services.MigrateDeliberationDatabaseAsync();

            await using (var db = await contexts.CreateDbContextAsync())
                Assert.Equal(["StreamId", "Version", "TakenAt", "StateJson"], await ColumnsAsync(db));
            var store = services.GetRequiredService<IEventStore>();
            var kept = await store.LoadSnapshotAsync("statement-1");
            Assert.Equal(("statement-1", 7L, """{"title":"Zürich"}"""), (kept!.StreamId, kept.Version, kept.StateJson));

            // Written through incremental I/O into the reserved BLOB: its UTF-8 reads back as the same text.
            var state = """{"title":"共识 — consensus","note":"ünïcödé"}""";
            await using (var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(state)))
                await store.SaveSnapshotAsync("statement-1", 8, json, DateTimeOffset.UnixEpoch);
            var replaced = await store.LoadSnapshotAsync("statement-1");
            Assert.Equal((8L, state), (replaced!.Version, replaced.StateJson));
        }
        finally
        {
            await Database.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<List<string>> ColumnsAsync(DeliberationDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('Snapshots') ORDER BY cid";
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class PostgresMigrationTests(PostgresDatabaseFixture database) : MigrationTests<PostgresDatabaseFixture>(database);

/// <summary>Each provider's migrations create the whole schema on an empty database.</summary>
public abstract class MigrationTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    protected TFixture Database => database;

    [Fact]
    public async Task MigrationsApplyOnAnEmptyDatabase()
    {
        var connectionString = await database.CreateEmptyDatabaseAsync();
        try
        {
            await using (var services = database.BuildServices(connectionString))
            {
                var contexts = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();
                await using (var db = await contexts.CreateDbContextAsync())
                    Assert.Contains(await db.Database.GetPendingMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));

                await services.MigrateDeliberationDatabaseAsync();

                await using (var db = await contexts.CreateDbContextAsync())
                {
                    Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                    Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                    Assert.Equal(0, await db.Events.CountAsync());
                    Assert.Equal(0, await db.Snapshots.CountAsync());
                    Assert.Equal(0, await db.Dialogues.CountAsync());
                    Assert.Equal(0, await db.Memberships.CountAsync());
                    Assert.Equal(0, await db.Invites.CountAsync());
                }

                // Starting again on a migrated database is a no-op, as at every server start.
                await services.MigrateDeliberationDatabaseAsync();
                var stored = await services.GetRequiredService<IEventStore>().AppendAsync("s", "scope", 0, [new EventToAppend("A", "{}", DateTimeOffset.UnixEpoch, "")]);
                Assert.Equal(1, Assert.Single(stored).Version);
            }
        }
        finally
        {
            await database.DropDatabaseAsync(connectionString);
        }
    }
}

/// <summary>What can be checked of every provider's migrations without its server.</summary>
public sealed class ProviderModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "Postgres"];

    private static DeliberationDbContext Context(string provider)
    {
        var options = new DbContextOptionsBuilder<DeliberationDbContext>();
        // Nothing here opens a connection, so no server needs to be listening.
        _ = provider switch
        {
            "Sqlite" => options.UseDeliberationSqlite("Data Source=:memory:"),
            "SqlServer" => options.UseDeliberationSqlServer("Server=127.0.0.1,1;Database=none;User Id=none;Password=none;TrustServerCertificate=true"),
            "Postgres" => options.UseDeliberationPostgres("Host=127.0.0.1;Port=1;Database=none"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return new DeliberationDbContext(options.Options);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProviderHasAnInitialMigrationInItsOwnAssembly(string provider)
    {
        using var db = Context(provider);
        var assembly = db.GetService<IMigrationsAssembly>();

        Assert.Equal($"Deliberation.Persistence.{provider}", assembly.Assembly.GetName().Name);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProvidersMigrationsMatchTheModel(string provider)
    {
        using var db = Context(provider);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changed since the last {provider} migration: run dotnet ef migrations add for each provider project.");
    }

    [Fact]
    public void SqlServerModelBuildsTheWholeSchema()
    {
        using var db = Context("SqlServer");
        var script = db.Database.GenerateCreateScript();

        foreach (var table in new[] { "Events", "Snapshots", "Dialogues", "Memberships", "Invites" })
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        Assert.Contains("[Position] bigint NOT NULL IDENTITY", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Events_StreamId_Version]", script, StringComparison.Ordinal);
        Assert.Contains("[PayloadJson] nvarchar(max) NOT NULL", script, StringComparison.Ordinal);
    }

    /// <summary>
    /// Per provider, text its migrations script must hold: every table, the identity of the
    /// global position, the types of the hashed columns, and the unique (StreamId, Version)
    /// index that is the store's optimistic concurrency.
    /// </summary>
    public static TheoryData<string, string[]> MigrationScriptFragments => new()
    {
        {
            "SqlServer",
            [
                .. Tables("[", "]"),
                "[Position] bigint NOT NULL IDENTITY",
                "[StreamId] nvarchar(200) NOT NULL",
                "[PayloadJson] nvarchar(max) NOT NULL",
                "[OccurredAt] datetimeoffset NOT NULL",
                "[Hash] nvarchar(64) NOT NULL",
                "[StateJson] nvarchar(max) NOT NULL",
                "CREATE UNIQUE INDEX [IX_Events_StreamId_Version] ON [Events] ([StreamId], [Version]);",
                "CREATE INDEX [IX_Events_Scope_Position] ON [Events] ([Scope], [Position]);",
                "CONSTRAINT [PK_Memberships] PRIMARY KEY ([DialogueId], [ParticipantId])",
                "INSERT INTO [__EFMigrationsHistory]",
            ]
        },
        {
            "Postgres",
            [
                .. Tables("\"", "\""),
                "\"Position\" bigint GENERATED BY DEFAULT AS IDENTITY",
                "\"StreamId\" character varying(200) NOT NULL",
                "\"PayloadJson\" text NOT NULL",
                "\"OccurredAt\" timestamp with time zone NOT NULL",
                "\"Hash\" character varying(64) NOT NULL",
                "CREATE UNIQUE INDEX \"IX_Events_StreamId_Version\" ON \"Events\" (\"StreamId\", \"Version\");",
                "CREATE INDEX \"IX_Events_Scope_Position\" ON \"Events\" (\"Scope\", \"Position\");",
                "INSERT INTO \"__EFMigrationsHistory\"",
            ]
        },
        {
            "Sqlite",
            [
                .. Tables("\"", "\""),
                "\"Position\" INTEGER NOT NULL CONSTRAINT \"PK_Events\" PRIMARY KEY AUTOINCREMENT",
                "\"PayloadJson\" TEXT NOT NULL",
                "CREATE UNIQUE INDEX \"IX_Events_StreamId_Version\" ON \"Events\" (\"StreamId\", \"Version\");",
                "CREATE INDEX \"IX_Events_Scope_Position\" ON \"Events\" (\"Scope\", \"Position\");",
                "INSERT INTO \"__EFMigrationsHistory\"",
            ]
        },
    };

    private static IEnumerable<string> Tables(string open, string close) =>
        new[] { "Events", "Snapshots", "Dialogues", "Memberships", "Invites" }.Select(t => $"CREATE TABLE {open}{t}{close} (");

    /// <summary>
    /// The script an operator would run by hand (<c>dotnet ef migrations script</c>), generated
    /// from each provider's own migrations without a connection: how SQL Server's migrations are
    /// checked at all on machines that cannot run it (docs/operations.md).
    /// </summary>
    [Theory]
    [MemberData(nameof(MigrationScriptFragments))]
    public void EachProvidersMigrationScriptCreatesTheSchema(string provider, string[] fragments)
    {
        using var db = Context(provider);
        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var fragment in fragments)
            Assert.Contains(fragment, script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
            Assert.Contains(migration, script, StringComparison.Ordinal);
    }

    /// <summary>Each provider's options carry the provider itself, so the store takes that provider's append lock.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProvidersContextKnowsItsAppendLock(string provider)
    {
        using var db = Context(provider);

        Assert.Equal(provider, db.DeliberationProvider().Name);
    }
}
