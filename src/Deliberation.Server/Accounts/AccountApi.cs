using System.Security.Claims;
using Deliberation.Contracts.Http.Accounts;
using Deliberation.Contracts.Localization;
using Deliberation.Persistence.Accounts;
using Deliberation.Server.Api;
using Deliberation.Server.Extensions;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Server.Accounts;

/// <summary>
/// Organiser accounts over HTTP: first-run setup, registration by invitation, password sign-in,
/// sign-out, the holder's own sessions and organiser invitations (docs/security.md). Passkeys are
/// in <see cref="PasskeyApi"/>.
/// </summary>
public static class AccountApi
{
    public const int MaxDisplayName = 200;

    public static void MapAccountApi(this WebApplication app)
    {
        var account = app.MapGroup("/api/account");

        account.MapGet("", async (HttpContext http, UserManager<OrganiserAccount> users) =>
        {
            var setupNeeded = !await users.Users.AnyAsync();
            if (await http.AuthenticatedAccountAsync() is { } principal && await users.GetUserAsync(principal) is { } me)
                return TypedResults.Ok(new AccountStatus(true, me.Email, me.DisplayName, setupNeeded, me.PreferredCulture));
            return TypedResults.Ok(new AccountStatus(false, null, null, setupNeeded));
        });

        account.MapPost("/setup", async Task<Results<Ok<AccountStatus>, ProblemHttpResult>> (
            SetUpFirstAccountRequest request, HttpContext http, UserManager<OrganiserAccount> users, OneTimeCodes codes, AccountSignIn signIn) =>
        {
            // One answer for every refusal: a guesser learns nothing about which part was wrong.
            var refused = Problems.Invalid("account.setup-code-invalid", "That setup code is not valid (it works once, and only before the first account exists).");
            if (await users.Users.AnyAsync())
                return refused;
            return await CreateWithCodeAsync(http, users, codes, signIn, request.SetupCode, OneTimeCodePurpose.Setup,
                request.Email, request.DisplayName, request.Password, "setup", refused);
        }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        account.MapPost("/register", async Task<Results<Ok<AccountStatus>, ProblemHttpResult>> (
            RegisterOrganiserRequest request, HttpContext http, UserManager<OrganiserAccount> users, OneTimeCodes codes, AccountSignIn signIn) =>
            await CreateWithCodeAsync(http, users, codes, signIn, request.InvitationCode, OneTimeCodePurpose.OrganiserInvitation,
                request.Email, request.DisplayName, request.Password, "invitation",
                Problems.Invalid("account.invitation-invalid", "That invitation is not valid: unknown, expired or already used.")))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        account.MapPost("/sign-in", async Task<Results<Ok<AccountStatus>, ProblemHttpResult>> (
            PasswordSignInRequest request, HttpContext http, UserManager<OrganiserAccount> users, SignInManager<OrganiserAccount> manager, AccountSignIn signIn) =>
        {
            var user = string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 256 ? null : await users.FindByEmailAsync(request.Email.Trim());
            // Lockout counts failures per account; unknown addresses and wrong passwords read the same.
            var result = user is null || string.IsNullOrEmpty(request.Password) || request.Password.Length > 1024
                ? SignInResult.Failed
                : await manager.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (!result.Succeeded)
                return SignInFailed();
            await signIn.SignInAsync(http, user!, "password");
            return TypedResults.Ok(new AccountStatus(true, user!.Email, user.DisplayName, false, user.PreferredCulture));
        }).ProducesProblem(StatusCodes.Status401Unauthorized);

        account.MapPost("/sign-out", async (HttpContext http, AccountSignIn signIn) =>
        {
            if (await http.AuthenticatedAccountAsync() is { } principal)
                await signIn.SignOutAsync(http, principal);
            else
                await http.SignOutAsync();
            return TypedResults.NoContent();
        });

        var mine = account.MapGroup("").RequireOrganiserAccount();

        mine.MapGet("/sessions", async (HttpContext http, AccountSessions sessions) =>
        {
            var current = (await http.AuthenticatedAccountAsync())!.SessionId();
            var live = await sessions.ListLiveAsync(http.OrganiserAccountId());
            return TypedResults.Ok<IReadOnlyList<AccountSessionView>>(
                [.. live.Select(s => new AccountSessionView(s.Id, s.StartedAt, s.LastSeenAt, s.Method, s.Device, s.Id == current))]);
        });

        mine.MapDelete("/sessions/{sessionId:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid sessionId, HttpContext http, AccountSessions sessions) =>
            await sessions.EndAsync(http.OrganiserAccountId(), sessionId)
                ? TypedResults.NoContent()
                : Problems.NotFound("account.session-not-found", "You have no live session with that id."))
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Only the caller's own account: the request names no account, so none other can be reached.
        mine.MapPut("/culture", async Task<Results<NoContent, ProblemHttpResult>> (SetCultureRequest request, HttpContext http, UserManager<OrganiserAccount> users) =>
        {
            if (InterfaceCultures.Exactly(request.Culture) is not { } culture)
                return Problems.Invalid(InterfaceCultures.UnsupportedRule, InterfaceCultures.UnsupportedMessage(request.Culture));
            if (await users.FindByIdAsync(http.OrganiserAccountId()) is not { } me)
                return Problems.NotFound("account.not-found", "This account no longer exists.");
            me.PreferredCulture = culture;
            var updated = await users.UpdateAsync(me);
            return updated.Succeeded ? TypedResults.NoContent() : Problems.Invalid("account.invalid", Describe(updated));
        }).ProducesProblem(StatusCodes.Status400BadRequest);

        mine.MapPost("/invitations", async (HttpContext http, OneTimeCodes codes, IConfiguration configuration) =>
        {
            var code = OneTimeCodes.NewCode();
            var days = Math.Clamp(configuration.GetValue("Accounts:InvitationValidDays", 7), 1, 30);
            var expires = await codes.StoreAsync(code, OneTimeCodePurpose.OrganiserInvitation, http.OrganiserAccountId(), TimeSpan.FromDays(days));
            var link = $"{http.Request.Scheme}://{http.Request.Host}/account/register/{code}";
            return TypedResults.Ok(new OrganiserInvitation(code, link, expires));
        });

        mine.MapPost("/dialogues/{id:guid}/enter", async Task<Results<Ok<EnteredDialogue>, ProblemHttpResult>> (
            Guid id, HttpContext http, AccountDialogues dialogues, DialogueService dialogueService) =>
        {
            var link = await dialogues.FindAsync(http.OrganiserAccountId(), id);
            if (link is null || (await dialogueService.GetDialogueAsync(id))?.MemberOrNull(link.ParticipantId) is not { } member)
                return Problems.NotFound("account.dialogue-not-found", "This account convenes no such dialogue.");
            if (await dialogueService.StartAccountSessionAsync(id, member.ParticipantId) is not { } session)
                return Problems.NotFound("account.dialogue-not-found", "This account convenes no such dialogue.");
            await http.SignInSessionAsync(session, member.DisplayName);
            return TypedResults.Ok(new EnteredDialogue(id, member.ParticipantId));
        }).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AccountStatus>, ProblemHttpResult>> CreateWithCodeAsync(
        HttpContext http, UserManager<OrganiserAccount> users, OneTimeCodes codes, AccountSignIn signIn,
        string? code, OneTimeCodePurpose purpose, string? email, string? displayName, string? password, string method, ProblemHttpResult refused)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > MaxDisplayName)
            return Problems.Invalid("account.name-required", $"Give a display name of 1 to {MaxDisplayName} characters.");
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
            return Problems.Invalid("account.email-invalid", "Give an e-mail address.");
        var account = new OrganiserAccount { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim() };
        // Checked before the code is claimed, so a weak password does not use the code up.
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, account, password ?? "");
            if (!checkedPassword.Succeeded)
                return Problems.Invalid("account.password-weak", Describe(checkedPassword));
        }
        if (!await codes.ClaimAsync(code ?? "", purpose, account.Id))
            return refused;
        var created = await users.CreateAsync(account, password!);
        if (!created.Succeeded)
        {
            await codes.ReleaseAsync(code!, account.Id);
            return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? Problems.From(Domain.RuleError.Conflict("account.email-taken", "An account with that e-mail address exists."))
                : Problems.Invalid("account.invalid", Describe(created));
        }
        await signIn.SignInAsync(http, account, method);
        return TypedResults.Ok(new AccountStatus(true, account.Email, account.DisplayName, false));
    }

    private static ProblemHttpResult SignInFailed() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Wrong e-mail address or password (or too many tries: wait a few minutes).",
        type: "https://deliberation.dev/rules/account.sign-in-failed",
        extensions: new Dictionary<string, object?> { ["rule"] = "account.sign-in-failed" });

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
