using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Persistence;

/// <summary>Registers the event store and read models, and migrates their database.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEventStore"/>, <see cref="IDialogueDirectory"/> and an
    /// <see cref="IDbContextFactory{DeliberationDbContext}"/> for the database chosen by
    /// <c>Storage:Provider</c> (<c>Sqlite</c> by default, <c>SqlServer</c>, <c>Postgres</c>)
    /// and <c>ConnectionStrings:Deliberation</c> (for SQLite by default the file
    /// <c>data/deliberation.db</c> under the current directory).
    /// </summary>
    /// <param name="offered">
    /// The providers the host offers, by <see cref="IDeliberationDatabaseProvider.Name"/>. The
    /// provider projects reference this one, so this one cannot name them; the host references
    /// the ones it offers (the server, all three) and hands them in.
    /// </param>
    public static IServiceCollection AddDeliberationPersistence(
        this IServiceCollection services, IConfiguration configuration, IReadOnlyCollection<IDeliberationDatabaseProvider> offered)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(offered);
        var provider = Choose(configuration["Storage:Provider"], offered);
        var connectionString = configuration.GetConnectionString("Deliberation");
        return services.AddDeliberationPersistence(options => provider.Configure(options, connectionString));
    }

    /// <summary>
    /// Registers the store with options configured by the caller, e.g.
    /// <c>options => options.UseDeliberationSqlite(connectionString)</c> in a test. The options
    /// must come from a provider's <c>UseDeliberation…</c>, which also sets its append lock.
    /// </summary>
    public static IServiceCollection AddDeliberationPersistence(this IServiceCollection services, Action<DbContextOptionsBuilder> configureDatabase)
    {
        ArgumentNullException.ThrowIfNull(configureDatabase);
        services.AddDbContextFactory<DeliberationDbContext>(configureDatabase);
        services.AddSingleton<IEventStore, EfEventStore>();
        services.AddSingleton<IDialogueDirectory, EfDialogueDirectory>();
        services.AddSingleton<IImportStaging, EfImportStaging>();
        // One per node: every grain's load and the background verifier report to it (docs/operations.md).
        services.TryAddSingleton<IHistoryIntegrity, HistoryIntegrity>();
        return services;
    }

    /// <summary>
    /// Applies the chosen provider's pending migrations, then moves any history written before
    /// salted commitments onto the salted chain (<see cref="SaltedHistoryMigration"/>); call once at
    /// startup, before serving.
    /// </summary>
    public static async Task MigrateDeliberationDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
            await db.Database.MigrateAsync(cancellationToken);
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(SaltedHistoryMigration)) ?? NullLogger.Instance;
        await SaltedHistoryMigration.RunAsync(factory, logger, services.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken);
        // An import that was writing when its process died left only staged rows, which nothing
        // will ever promote; they go before the node serves (docs/architecture.md, "Imports").
        var discarded = await new EfImportStaging(factory).DiscardAsync(null, cancellationToken);
        if (discarded > 0)
            logger.LogWarning("Discarded {Events} events of imports left unfinished by an earlier process", discarded);
    }

    internal static IDeliberationDatabaseProvider Choose(string? name, IReadOnlyCollection<IDeliberationDatabaseProvider> offered)
    {
        name = string.IsNullOrWhiteSpace(name) ? "Sqlite" : name.Trim();
        return offered.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Storage:Provider '{name}' is not known; use one of {string.Join(", ", offered.Select(p => p.Name))}.");
    }
}
