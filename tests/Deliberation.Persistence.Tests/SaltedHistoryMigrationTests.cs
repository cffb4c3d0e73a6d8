using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Deliberation.Persistence.Tests;

public sealed class SqliteSaltedHistoryMigrationTests(SqliteDatabaseFixture database) : SaltedHistoryMigrationTests<SqliteDatabaseFixture>(database);

public sealed class PostgresSaltedHistoryMigrationTests(PostgresDatabaseFixture database) : SaltedHistoryMigrationTests<PostgresDatabaseFixture>(database);

/// <summary>
/// A database written before salted commitments (schema of the Initial migration, rows hashed with
/// the unsalted chain, inserted with plain SQL) is moved onto the salted chain at start-up.
/// </summary>
public abstract class SaltedHistoryMigrationTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private sealed record LegacyEvent(string StreamId, long Version, string Type, string PayloadJson, DateTimeOffset OccurredAt, string Actor, string Hash);

    [Fact]
    public async Task LegacyStreamsAreRechainedTheirOldHashesLoggedAndASecondRunChangesNothing()
    {
        var connectionString = await database.CreateEmptyDatabaseAsync();
        try
        {
            await using var services = database.BuildServices(connectionString);
            var contexts = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();
            await using (var db = await contexts.CreateDbContextAsync())
            {
                var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
                await db.GetService<IMigrator>().MigrateAsync(initial);
            }

            var intact = Legacy("dialogue-intact", ("DialogueCreated", """{"title":"Trust"}"""), ("PhaseChanged", """{"phase":"Positions"}"""), ("PositionTaken", """{"option":"Support"}"""));
            // The old chain of this one was broken before the move: version 2's payload was edited after it was hashed.
            var broken = Legacy("statement-broken", ("StatementDrafted", "{}"), ("PositionTaken", """{"option":"Support"}"""), ("PositionTaken", """{"option":"Block"}"""));
            broken[1] = broken[1] with { PayloadJson = """{"option":"Block"}""" };
            await using (var db = await contexts.CreateDbContextAsync())
            {
                foreach (var e in intact.Concat(broken))
                {
                    await db.Database.ExecuteSqlRawAsync(
                        """INSERT INTO "Events" ("StreamId", "Scope", "Version", "Type", "PayloadJson", "OccurredAt", "Actor", "Hash") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})""",
                        e.StreamId, "scope-1", e.Version, e.Type, e.PayloadJson, e.OccurredAt, e.Actor, e.Hash);
                }
            }

            await services.MigrateDeliberationDatabaseAsync();

            var store = services.GetRequiredService<IEventStore>();
            foreach (var stream in new[] { "dialogue-intact", "statement-broken" })
            {
                var verification = await store.VerifyChainAsync(stream);
                Assert.True(verification.IsIntact, $"{stream}: {verification.FirstBreak}");
                Assert.Equal(3, verification.EventsChecked);
            }
            var log = await LogAsync(contexts);
            Assert.Equal(intact.Concat(broken).Select(e => (e.StreamId, e.Version, e.Hash)).Order(), log.Select(r => (r.StreamId, r.Version, r.OldHash)).Order());
            var events = (await store.ReadStreamAsync("dialogue-intact")).Concat(await store.ReadStreamAsync("statement-broken")).ToList();
            Assert.Equal(events.Select(e => (e.StreamId, e.Version, e.Hash)).Order(), log.Select(r => (r.StreamId, r.Version, r.NewHash)).Order());
            Assert.All(events, e => Assert.True(EventHash.IsHex(e.Salt)));
            // The payload stays as it was found: the migration re-chains, it does not repair.
            Assert.Equal("""{"option":"Block"}""", events.Single(e => e.StreamId == "statement-broken" && e.Version == 2).PayloadJson);
            Assert.All(log.Where(r => r.StreamId == "dialogue-intact"), r => Assert.Null(r.OldChainProblem));
            Assert.Null(log.Single(r => r.StreamId == "statement-broken" && r.Version == 1).OldChainProblem);
            Assert.All(log.Where(r => r.StreamId == "statement-broken" && r.Version >= 2),
                r => Assert.StartsWith("version 2: hash-mismatch", r.OldChainProblem, StringComparison.Ordinal));

            var logger = new ListLogger();
            Assert.Equal(0, await SaltedHistoryMigration.RunAsync(contexts, logger, TimeProvider.System));
            Assert.Empty(logger.Entries);
            Assert.Equal(log.Count, (await LogAsync(contexts)).Count);
            Assert.Equal(events, (await store.ReadStreamAsync("dialogue-intact")).Concat(await store.ReadStreamAsync("statement-broken")));
        }
        finally
        {
            await database.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task ABrokenOldChainIsLoggedAsAnErrorNamingTheEvent()
    {
        var connectionString = await database.CreateEmptyDatabaseAsync();
        try
        {
            await using var services = database.BuildServices(connectionString);
            var contexts = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();
            await services.MigrateDeliberationDatabaseAsync();
            // Rows as an old node left them: no salt, no leaf; the hash of version 2 altered.
            var events = Legacy("statement-old", ("A", "{}"), ("B", "{}"), ("C", "{}"));
            events[1] = events[1] with { Hash = new string('0', 64) };
            await using (var db = await contexts.CreateDbContextAsync())
            {
                foreach (var e in events)
                {
                    await db.Database.ExecuteSqlRawAsync(
                        """INSERT INTO "Events" ("StreamId", "Scope", "Version", "Type", "PayloadJson", "OccurredAt", "Actor", "Hash", "Salt", "Leaf") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, '', '')""",
                        e.StreamId, "scope-2", e.Version, e.Type, e.PayloadJson, e.OccurredAt, e.Actor, e.Hash);
                }
            }

            var logger = new ListLogger();
            Assert.Equal(1, await SaltedHistoryMigration.RunAsync(contexts, logger, TimeProvider.System));

            var error = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
            Assert.Contains("statement-old", error.Message, StringComparison.Ordinal);
            Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
            Assert.True((await services.GetRequiredService<IEventStore>().VerifyChainAsync("statement-old")).IsIntact);
        }
        finally
        {
            await database.DropDatabaseAsync(connectionString);
        }
    }

    private static List<LegacyEvent> Legacy(string streamId, params (string Type, string Payload)[] events)
    {
        var result = new List<LegacyEvent>();
        var previous = "";
        for (var i = 0; i < events.Length; i++)
        {
            var occurredAt = T0.AddSeconds(i).AddTicks(1_230);
            var hash = EventHash.LegacyHash(previous, streamId, i + 1, events[i].Type, occurredAt, "alice", events[i].Payload);
            result.Add(new LegacyEvent(streamId, i + 1, events[i].Type, events[i].Payload, occurredAt, "alice", hash));
            previous = hash;
        }
        return result;
    }

    private static async Task<List<Rows.HistoryMigrationLogRow>> LogAsync(IDbContextFactory<DeliberationDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.HistoryMigrationLog.AsNoTracking().ToListAsync();
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Information)
                Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
