using Deliberation.Contracts.Http.Accounts;
using Deliberation.Persistence.Accounts;
using Deliberation.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Deliberation.Server.Accounts;

/// <summary>
/// Passkeys (WebAuthn) through ASP.NET Core Identity: the server makes the options, the browser
/// runs the ceremony (wwwroot/js/passkeys.js), the server checks the result. Identity keeps the
/// ceremony's challenge in its own short-lived cookie, so a result is only accepted from the
/// browser that asked for the options.
/// </summary>
public static class PasskeyApi
{
    private const int MaxCredentialJson = 64 * 1024;

    public static void MapPasskeyApi(this WebApplication app)
    {
        var passkeys = app.MapGroup("/api/account/passkeys");

        passkeys.MapPost("/creation-options", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
            HttpContext http, UserManager<OrganiserAccount> users, SignInManager<OrganiserAccount> manager) =>
        {
            if (await users.FindByIdAsync(http.OrganiserAccountId()) is not { } account)
                return Problems.NotFound("account.not-found", "The account no longer exists.");
            var options = await manager.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
            {
                Id = account.Id,
                Name = account.Email ?? account.Id,
                DisplayName = account.DisplayName,
            });
            return TypedResults.Content(options, "application/json");
        }).RequireOrganiserAccount();

        passkeys.MapPost("", async Task<Results<NoContent, ProblemHttpResult>> (
            PasskeyCredentialRequest request, HttpContext http, UserManager<OrganiserAccount> users, SignInManager<OrganiserAccount> manager) =>
        {
            if (Unreadable(request) is { } bad)
                return bad;
            var attestation = await manager.PerformPasskeyAttestationAsync(request.CredentialJson);
            if (!attestation.Succeeded || attestation.UserEntity.Id != http.OrganiserAccountId())
                return Problems.Invalid("passkey.attestation-failed", "The passkey could not be registered. Try again.");
            var account = await users.FindByIdAsync(http.OrganiserAccountId());
            var added = await users.AddOrUpdatePasskeyAsync(account!, attestation.Passkey);
            return added.Succeeded
                ? TypedResults.NoContent()
                : Problems.Invalid("passkey.attestation-failed", "The passkey could not be stored.");
        }).RequireOrganiserAccount().ProducesProblem(StatusCodes.Status400BadRequest);

        passkeys.MapPost("/request-options", async (SignInManager<OrganiserAccount> manager) =>
            TypedResults.Content(await manager.MakePasskeyRequestOptionsAsync(null), "application/json"));

        passkeys.MapPost("/sign-in", async Task<Results<Ok<AccountStatus>, ProblemHttpResult>> (
            PasskeyCredentialRequest request, HttpContext http, UserManager<OrganiserAccount> users,
            SignInManager<OrganiserAccount> manager, AccountSignIn signIn) =>
        {
            if (Unreadable(request) is { } bad)
                return bad;
            var assertion = await manager.PerformPasskeyAssertionAsync(request.CredentialJson);
            if (!assertion.Succeeded || await users.IsLockedOutAsync(assertion.User) || !await manager.CanSignInAsync(assertion.User))
                return Problems.Invalid("passkey.assertion-failed", "That passkey did not sign you in.");
            // The authenticator's signature counter moves on; a cloned authenticator shows up as a counter going back.
            await users.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
            await signIn.SignInAsync(http, assertion.User, "passkey");
            return TypedResults.Ok(new AccountStatus(true, assertion.User.Email, assertion.User.DisplayName, false, assertion.User.PreferredCulture));
        }).ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static ProblemHttpResult? Unreadable(PasskeyCredentialRequest request) =>
        string.IsNullOrWhiteSpace(request.CredentialJson) || request.CredentialJson.Length > MaxCredentialJson
            ? Problems.Invalid("passkey.credential-invalid", "Send the credential the browser made, as JSON.")
            : null;
}
