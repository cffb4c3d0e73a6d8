using System.Security.Claims;
using Deliberation.Persistence.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Server.Accounts;

/// <summary>
/// Every way into an account ends here: a session row first, then Identity's cookie carrying the
/// session's id, so no account cookie exists that its holder cannot see and end.
/// </summary>
public sealed class AccountSignIn(SignInManager<OrganiserAccount> signIn, AccountSessions sessions)
{
    public async Task SignInAsync(HttpContext http, OrganiserAccount account, string method)
    {
        var sessionId = await sessions.StartAsync(account.Id, method, http.Request.Headers.UserAgent.ToString());
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(AccountClaims.SessionClaim, sessionId.ToString())]);
    }

    /// <summary>Ends this browser's session and drops its cookies, the participant cookie included.</summary>
    public async Task SignOutAsync(HttpContext http, ClaimsPrincipal account)
    {
        if (account.SessionId() is { } sessionId && account.FindFirstValue(ClaimTypes.NameIdentifier) is { } accountId)
            await sessions.EndAsync(accountId, sessionId);
        await signIn.SignOutAsync();
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The account cookie's check on every request that reads it: its session must still be live.
    /// Then Identity's security stamp check, which keeps the session claim when it reissues the cookie.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var accountId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal?.SessionId();
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        if (accountId is null || sessionId is null || !await sessions.IsLiveAsync(sessionId.Value, accountId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>For <see cref="SecurityStampValidatorOptions.OnRefreshingPrincipal"/>: the refreshed cookie stays the same session.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(AccountClaims.SessionClaim) is { } session
            && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            identity.AddClaim(new Claim(AccountClaims.SessionClaim, session.Value));
        return Task.CompletedTask;
    }
}
