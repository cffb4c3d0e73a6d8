using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Tests;

public sealed class RegistrationTests
{
    private static ServiceProvider Build(params (string Key, string? Value)[] settings) =>
        new ServiceCollection()
            .AddDeliberationPersistence(new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
                .Build(), OfferedProviders.All)
            .BuildServiceProvider();

    [Theory]
    [InlineData("Sqlite", "Data Source=:memory:", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("sqlite", "Data Source=:memory:", "Microsoft.EntityFrameworkCore.Sqlite")]
    [InlineData("Postgres", "Host=127.0.0.1;Port=1;Database=none", "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("SqlServer", "Server=127.0.0.1,1;Database=none", "Microsoft.EntityFrameworkCore.SqlServer")]
    public void StorageProviderChoosesTheDatabase(string provider, string connectionString, string efProvider)
    {
        using var services = Build(("Storage:Provider", provider), ("ConnectionStrings:Deliberation", connectionString));
        using var db = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>().CreateDbContext();

        Assert.Equal(efProvider, db.Database.ProviderName);
        Assert.IsType<EfEventStore>(services.GetRequiredService<IEventStore>());
        Assert.IsType<EfDialogueDirectory>(services.GetRequiredService<IDialogueDirectory>());
    }

    [Fact]
    public void WithNothingConfiguredTheStoreIsASqliteFileUnderData()
    {
        using var services = Build();
        using var db = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>().CreateDbContext();

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        var expected = Path.Combine(Directory.GetCurrentDirectory(), "data", "deliberation.db");
        Assert.Equal($"Data Source={expected}", db.Database.GetConnectionString());
        Assert.True(Directory.Exists(Path.GetDirectoryName(expected)), "The folder of the SQLite file is created.");
    }

    [Fact]
    public void AnUnknownProviderIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(("Storage:Provider", "Oracle")));
        Assert.Contains("Sqlite, SqlServer, Postgres", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("SqlServer")]
    public void AServerDatabaseNeedsAConnectionString(string provider)
    {
        using var services = Build(("Storage:Provider", provider));
        var error = Assert.Throws<InvalidOperationException>(() =>
            services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>().CreateDbContext());
        Assert.Contains("ConnectionStrings:Deliberation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContextNotConfiguredByAProviderIsAClearErrorOnAppend()
    {
        // Plain UseSqlite names no Deliberation provider, so the store cannot know which append lock to take.
        await using var services = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseSqlite("Data Source=:memory:"))
            .BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            services.GetRequiredService<IEventStore>().AppendAsync("s", "scope", 0, [new EventToAppend("A", "{}", DateTimeOffset.UnixEpoch, "")]));
        Assert.Contains("UseDeliberationSqlite", error.Message, StringComparison.Ordinal);
    }
}
