using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Server.Accounts;

/// <summary>
/// "Only accounts create dialogues and run imports" (docs/security.md), as one endpoint filter:
/// the request must carry a live organiser account cookie, else 401 <c>auth.account-required</c>
/// before the handler reads a byte of the body. The participant cookie (<c>http.User</c>) is left
/// as it is: the account is read from its own scheme and kept beside it.
/// </summary>
public static class OrganiserAccountRequirement
{
    public const string Rule = "auth.account-required";

    private static readonly object AccountKey = new();

    public static TBuilder RequireOrganiserAccount<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (await http.AuthenticatedAccountAsync() is null)
                return Refused();
            return await next(context);
        });

    /// <summary>The signed-in account's principal (its cookie checked against its live session), or null.</summary>
    public static async Task<ClaimsPrincipal?> AuthenticatedAccountAsync(this HttpContext http)
    {
        if (http.Items.TryGetValue(AccountKey, out var known))
            return known as ClaimsPrincipal;
        var result = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var principal = result.Succeeded ? result.Principal : null;
        http.Items[AccountKey] = principal;
        return principal;
    }

    /// <summary>The account id of a request that passed <see cref="RequireOrganiserAccount{TBuilder}"/>.</summary>
    public static string OrganiserAccountId(this HttpContext http) =>
        (http.Items.TryGetValue(AccountKey, out var known) ? known as ClaimsPrincipal : null)?.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The endpoint does not require an organiser account.");

    public static IResult Refused() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign in to an organiser account first.",
        detail: "Only organiser accounts create dialogues and import Pol.is conversations.",
        type: "https://deliberation.dev/rules/" + Rule,
        extensions: new Dictionary<string, object?> { ["rule"] = Rule });

}
