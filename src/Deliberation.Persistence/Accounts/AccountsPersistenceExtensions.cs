using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Accounts;

/// <summary>Registers and migrates <see cref="AccountsDbContext"/> on the event store's database.</summary>
public static class AccountsPersistenceExtensions
{
    /// <summary>
    /// The accounts context on the provider and connection string the event store uses
    /// (<c>Storage:Provider</c>, <c>ConnectionStrings:Deliberation</c>).
    /// </summary>
    public static IServiceCollection AddAccountsPersistence(
        this IServiceCollection services, IConfiguration configuration, IReadOnlyCollection<IDeliberationDatabaseProvider> offered)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = PersistenceServiceCollectionExtensions.Choose(configuration["Storage:Provider"], offered);
        var connectionString = configuration.GetConnectionString("Deliberation");
        services.AddDbContext<AccountsDbContext>(options => provider.Configure(options, connectionString));
        // The model's Identity schema version comes from IdentityOptions: fixed here so that any host
        // registering this context gets the passkeys table its migrations create.
        services.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = AccountsDbContext.SchemaVersion3);
        return services;
    }

    /// <summary>Applies the accounts migrations; call at startup, after the event store's.</summary>
    public static async Task MigrateAccountsDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
