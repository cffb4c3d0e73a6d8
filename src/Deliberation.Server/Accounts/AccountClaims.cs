using System.Security.Claims;

namespace Deliberation.Server.Accounts;

/// <summary>
/// The organiser account's cookie is Identity's application scheme, apart from the participant
/// cookie (the default scheme), so an account and a dialogue membership never stand in for each other.
/// </summary>
public static class AccountClaims
{
    /// <summary>The id of the <see cref="Persistence.Accounts.AccountSession"/> a cookie belongs to.</summary>
    public const string SessionClaim = "account-session";

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(SessionClaim), out var id) ? id : null;
}
