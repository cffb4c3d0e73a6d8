using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Deliberation.Server.Extensions;

/// <summary>
/// Who is calling: the cookie names the caller's sessions, one per dialogue she is signed in to
/// (docs/security.md, "Sessions"). A session is a record in its dialogue, made when an invite is
/// redeemed or a dialogue created; the cookie only points at it, and every request and hub call
/// checks it against the dialogue as it is now. APIs answer 401/403 instead of redirecting.
/// </summary>
public static class AuthenticationExtensions
{
    /// <summary>One claim per session: <c>{dialogue}:{session}:{participant}:{invite hash or -}</c>.</summary>
    public const string SessionClaim = "session";

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
                // The cookie outlives no session: each call checks the sessions it names, so a
                // revoked invite or a removed member is out at once, however long the cookie lasts.
                options.ExpireTimeSpan = TimeSpan.FromDays(30);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorization();
    }

    /// <summary>The sessions the cookie names, newest last.</summary>
    public static IReadOnlyList<SessionClaim> Sessions(this ClaimsPrincipal user) =>
        [.. user.FindAll(SessionClaim).Select(c => Extensions.SessionClaim.TryParse(c.Value)).OfType<SessionClaim>()];

    /// <summary>The session the cookie names in one dialogue, if any.</summary>
    public static SessionClaim? SessionIn(this ClaimsPrincipal user, Guid dialogueId) =>
        user.Sessions().LastOrDefault(s => s.DialogueId == dialogueId);

    /// <summary>The participant of the newest session: who "me" is when no dialogue is named.</summary>
    public static Guid? ParticipantId(this ClaimsPrincipal user) => user.Sessions().LastOrDefault()?.ParticipantId;

    /// <summary>
    /// Adds a session to the cookie. Sessions in other dialogues stay (a person may be in several at
    /// once); one in the same dialogue is replaced, since one browser is one member of a dialogue.
    /// </summary>
    public static Task SignInSessionAsync(this HttpContext context, SessionClaim session, string displayName)
    {
        var kept = context.User.Sessions().Where(s => s.DialogueId != session.DialogueId);
        var identity = new ClaimsIdentity(
            [.. kept.Append(session).Select(s => new Claim(SessionClaim, s.ToString())), new Claim(ClaimTypes.Name, displayName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>Drops one dialogue's session from the cookie; the cookie goes when it names no other.</summary>
    public static Task SignOutOfDialogueAsync(this HttpContext context, Guid dialogueId)
    {
        var kept = context.User.Sessions().Where(s => s.DialogueId != dialogueId).ToList();
        if (kept.Count == 0)
            return context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var identity = new ClaimsIdentity(
            [.. kept.Select(s => new Claim(SessionClaim, s.ToString())), .. context.User.FindAll(ClaimTypes.Name)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
