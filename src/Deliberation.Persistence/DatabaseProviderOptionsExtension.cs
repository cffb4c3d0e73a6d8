using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence;

/// <summary>
/// Carries the <see cref="IDeliberationDatabaseProvider"/> that configured a context in the
/// context's own options, so the event store asks the context which append lock to take instead
/// of matching EF Core provider names. Each provider's <c>UseDeliberation…</c> adds it.
/// </summary>
internal sealed class DatabaseProviderOptionsExtension(IDeliberationDatabaseProvider provider) : IDbContextOptionsExtension
{
    private ExtensionInfo? info;

    public IDeliberationDatabaseProvider Provider => provider;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    // EF Core's own services are the same whichever provider object is carried.
    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(DatabaseProviderOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"DeliberationProvider={extension.Provider.Name} ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Deliberation:Provider"] = extension.Provider.Name;
    }
}

/// <summary>Attaches the Deliberation provider to a context's options; for provider projects.</summary>
public static class DatabaseProviderDbContextOptionsExtensions
{
    /// <summary>Records which <see cref="IDeliberationDatabaseProvider"/> configured these options.</summary>
    public static TBuilder UseDeliberationProvider<TBuilder>(this TBuilder options, IDeliberationDatabaseProvider provider)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(provider);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new DatabaseProviderOptionsExtension(provider));
        return options;
    }

    /// <summary>The provider that configured the context; a context configured some other way is a clear error.</summary>
    internal static IDeliberationDatabaseProvider DeliberationProvider(this DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<DatabaseProviderOptionsExtension>()?.Provider
            ?? throw new InvalidOperationException(
                "The context was not configured by a Deliberation database provider: use UseDeliberationSqlite, " +
                "UseDeliberationSqlServer or UseDeliberationPostgres (each also sets the append lock).");
}
