using Deliberation.Persistence.Accounts;
using Deliberation.Persistence.Postgres;
using Deliberation.Persistence.Sqlite;
using Deliberation.Persistence.SqlServer;
using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Tests;

/// <summary>The organiser accounts' context: its own migrations per provider, beside the event store's on one database.</summary>
public sealed class AccountsProviderModelTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer", "Postgres"];

    private static AccountsDbContext Context(string provider)
    {
        var options = new DbContextOptionsBuilder<AccountsDbContext>().UseApplicationServiceProvider(AccountsDbContext.DesignTimeServices);
        _ = provider switch
        {
            "Sqlite" => options.UseDeliberationSqlite("Data Source=:memory:"),
            "SqlServer" => options.UseDeliberationSqlServer("Server=127.0.0.1,1;Database=none;User Id=none;Password=none;TrustServerCertificate=true"),
            "Postgres" => options.UseDeliberationPostgres("Host=127.0.0.1;Port=1;Database=none"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return new AccountsDbContext(options.Options);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProviderHasAccountsMigrationsThatMatchTheModel(string provider)
    {
        using var db = Context(provider);
        Assert.Equal($"Deliberation.Persistence.{provider}", db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_OrganiserAccounts", StringComparison.Ordinal));
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The accounts model has changed since the last {provider} migration: run scripts/add-migration.sh Name AccountsDbContext.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheAccountsSchemaHasPasskeysSessionsAndCodes(string provider)
    {
        using var db = Context(provider);
        var script = db.Database.GenerateCreateScript();
        foreach (var table in new[] { "AspNetUsers", "AspNetUserPasskeys", "AccountSessions", "AccountCodes", "AccountDialogues" })
            Assert.Contains(table, script, StringComparison.Ordinal);
    }
}

public sealed class SqliteAccountsMigrationTests(SqliteDatabaseFixture database) : AccountsMigrationTests<SqliteDatabaseFixture>(database);

public sealed class PostgresAccountsMigrationTests(PostgresDatabaseFixture database) : AccountsMigrationTests<PostgresDatabaseFixture>(database);

public abstract class AccountsMigrationTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task BothContextsMigrateOneDatabaseAndAgainIsANoOp()
    {
        var connectionString = await database.CreateEmptyDatabaseAsync();
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = database.Provider,
                ["ConnectionStrings:Deliberation"] = connectionString,
            }).Build();
            await using var services = new ServiceCollection()
                .AddDeliberationPersistence(configuration, OfferedProviders.All)
                .AddAccountsPersistence(configuration, OfferedProviders.All)
                .BuildServiceProvider();

            for (var start = 0; start < 2; start++)
            {
                await services.MigrateDeliberationDatabaseAsync();
                await services.MigrateAccountsDatabaseAsync();
            }

            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            db.Users.Add(new OrganiserAccount { Id = "a", UserName = "ada@example.test", Email = "ada@example.test", DisplayName = "Ada" });
            Assert.Equal(0, await db.Set<IdentityUserPasskey<string>>().CountAsync());
            db.AccountSessions.Add(new AccountSession { Id = Guid.NewGuid(), AccountId = "a", Method = "password" });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.AccountSessions.CountAsync());
            var events = scope.ServiceProvider.GetRequiredService<IEventStore>();
            Assert.Single(await events.AppendAsync("s", "scope", 0, [new EventToAppend("A", "{}", DateTimeOffset.UnixEpoch, "")]));
        }
        finally
        {
            await database.DropDatabaseAsync(connectionString);
        }
    }
}
