using Deliberation.Persistence.Accounts;
using Deliberation.Server.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Server.Extensions;

/// <summary>
/// Organiser accounts (docs/security.md): ASP.NET Core Identity on the event store's database
/// (its own context and migrations), password and passkey sign-in, server-side sessions, the
/// first-run setup code. The account cookie is a scheme of its own beside the participant cookie.
/// </summary>
public static class AccountExtensions
{
    public static void AddOrganiserAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAccountsPersistence(builder.Configuration, PersistenceExtensions.DatabaseProviders);
        services.AddAuthentication().AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie!.Configure(options =>
            {
                options.Cookie.Name = "deliberation-account";
                options.Cookie.HttpOnly = true;
                // Only the app's own pages send it: no link or form from another site carries an organiser's authority.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(builder.Configuration.GetValue("Accounts:SessionHours", 12));
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = AccountSignIn.ValidateAsync;
            });
            // The passkey ceremony's state lives in this cookie between the options and the result.
            cookies.TwoFactorUserIdCookie!.Configure(options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        });
        services.AddIdentityCore<OrganiserAccount>(options =>
            {
                options.Stores.SchemaVersion = AccountsDbContext.SchemaVersion3;
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): long passphrases, no forced symbols.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager();
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = AccountSignIn.KeepSession);
        services.AddScoped<AccountSessions>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<AccountDialogues>();
        services.AddSingleton<SetupCodeNotice>();
        // Before the demo seed, which prints the code this issues.
        services.AddHostedService<SetupCodeIssuer>();
    }

    /// <summary>The accounts' migrations, after the event store's and before anything serves.</summary>
    public static Task MigrateAccountsDatabaseAsync(this WebApplication app) => app.Services.MigrateAccountsDatabaseAsync();

    public static void MapOrganiserAccounts(this WebApplication app)
    {
        app.MapAccountApi();
        app.MapPasskeyApi();
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
