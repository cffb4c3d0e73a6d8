using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Deliberation.Server.Extensions;

/// <summary>
/// Who is calling: a participant, identified by a cookie issued when an invite is redeemed or a
/// dialogue is created. APIs answer 401/403 instead of redirecting to a login page.
/// </summary>
public static class AuthenticationExtensions
{
    public const string ParticipantClaim = "participant";

    public static void AddParticipantAuthentication(this WebApplicationBuilder builder)
    {
        // Several nodes behind one address must read each other's cookies: they share the keys
        // that protect them (a volume in docker-compose). One node keeps its own, as ASP.NET does.
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keys)
            builder.Services.AddDataProtection()
                .PersistKeysToFileSystem(new DirectoryInfo(keys))
                .SetApplicationName("Deliberation");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "deliberation";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromDays(30);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorization();
    }

    public static Guid? ParticipantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ParticipantClaim), out var id) ? id : null;

    public static Task SignInParticipantAsync(this HttpContext context, Guid participantId, string displayName)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ParticipantClaim, participantId.ToString()), new Claim(ClaimTypes.Name, displayName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
