using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence;

/// <summary>Registers the event store and read models, and migrates their database.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The values of <c>Storage:Provider</c> and the project (assembly) that implements each.
    /// </summary>
    /// <remarks>
    /// The provider projects reference this one, so this one cannot call them. Rather than make
    /// this project (which the grains reference) carry all three database drivers, or add a
    /// project just to pick one, the chosen provider's assembly is loaded by name — as EF Core
    /// itself loads a migrations assembly. The host references the provider projects it offers
    /// (the server references all three); a missing one is a clear error at startup.
    /// </remarks>
    public static readonly IReadOnlyDictionary<string, string> Providers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Sqlite"] = "Deliberation.Persistence.Sqlite",
        ["SqlServer"] = "Deliberation.Persistence.SqlServer",
        ["Postgres"] = "Deliberation.Persistence.Postgres",
    };

    /// <summary>
    /// Registers <see cref="IEventStore"/>, <see cref="IDialogueDirectory"/> and an
    /// <see cref="IDbContextFactory{DeliberationDbContext}"/> for the database chosen by
    /// <c>Storage:Provider</c> (<c>Sqlite</c> by default, <c>SqlServer</c>, <c>Postgres</c>)
    /// and <c>ConnectionStrings:Deliberation</c> (for SQLite by default the file
    /// <c>data/deliberation.db</c> under the current directory).
    /// </summary>
    public static IServiceCollection AddDeliberationPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = LoadProvider(configuration["Storage:Provider"]);
        var connectionString = configuration.GetConnectionString("Deliberation");
        return services.AddDeliberationPersistence(options => provider.Configure(options, connectionString));
    }

    /// <summary>
    /// Registers the store with options configured by the caller, e.g.
    /// <c>options => options.UseDeliberationSqlite(connectionString)</c> in a test.
    /// </summary>
    public static IServiceCollection AddDeliberationPersistence(this IServiceCollection services, Action<DbContextOptionsBuilder> configureDatabase)
    {
        ArgumentNullException.ThrowIfNull(configureDatabase);
        services.AddDbContextFactory<DeliberationDbContext>(configureDatabase);
        services.AddSingleton<IEventStore, EfEventStore>();
        services.AddSingleton<IDialogueDirectory, EfDialogueDirectory>();
        return services;
    }

    /// <summary>Applies the chosen provider's pending migrations; call once at startup, before serving.</summary>
    public static async Task MigrateDeliberationDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DeliberationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static IDeliberationDatabaseProvider LoadProvider(string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? "Sqlite" : name.Trim();
        if (!Providers.TryGetValue(name, out var assemblyName))
            throw new InvalidOperationException(
                $"Storage:Provider '{name}' is not known; use one of {string.Join(", ", Providers.Keys)}.");

        Assembly assembly;
        try
        {
            assembly = Assembly.Load(assemblyName);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidOperationException(
                $"Storage:Provider '{name}' needs the {assemblyName} project; the host does not reference it.", e);
        }

        var type = assembly.GetExportedTypes().SingleOrDefault(t =>
            t is { IsClass: true, IsAbstract: false } && typeof(IDeliberationDatabaseProvider).IsAssignableFrom(t))
            ?? throw new InvalidOperationException($"{assemblyName} has no public {nameof(IDeliberationDatabaseProvider)}.");
        return (IDeliberationDatabaseProvider)Activator.CreateInstance(type)!;
    }
}
