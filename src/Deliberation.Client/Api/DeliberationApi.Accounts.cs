using System.Net.Http.Json;
using Deliberation.Contracts.Http.Accounts;
using Deliberation.Contracts.Json;

namespace Deliberation.Client.Api;

/// <summary>Organiser accounts (docs/api.md): sign-in, first-run setup, sessions, invitations, passkeys.</summary>
public sealed partial class DeliberationApi
{
    public Task<ApiResult<AccountStatus>> AccountStatusAsync() => GetAsync<AccountStatus>("api/account");

    public Task<ApiResult<AccountStatus>> SetUpFirstAccountAsync(SetUpFirstAccountRequest request) =>
        SendAsync<AccountStatus>(HttpMethod.Post, "api/account/setup", request);

    public Task<ApiResult<AccountStatus>> RegisterOrganiserAsync(RegisterOrganiserRequest request) =>
        SendAsync<AccountStatus>(HttpMethod.Post, "api/account/register", request);

    public Task<ApiResult<AccountStatus>> SignInAsync(PasswordSignInRequest request) =>
        SendAsync<AccountStatus>(HttpMethod.Post, "api/account/sign-in", request);

    /// <summary>Keeps the interface language on the signed-in account (PUT /api/account/culture).</summary>
    public Task<ApiProblem?> SetAccountCultureAsync(string culture) =>
        SendExpectingNoBodyAsync(HttpMethod.Put, "api/account/culture", new SetCultureRequest(culture));

    public Task<ApiProblem?> SignOutAsync() => SendExpectingNoBodyAsync(HttpMethod.Post, "api/account/sign-out", null);

    public Task<ApiResult<List<AccountSessionView>>> AccountSessionsAsync() => GetAsync<List<AccountSessionView>>("api/account/sessions");

    public Task<ApiProblem?> EndAccountSessionAsync(Guid sessionId) =>
        SendExpectingNoBodyAsync(HttpMethod.Delete, $"api/account/sessions/{sessionId}", null);

    public Task<ApiResult<OrganiserInvitation>> InviteOrganiserAsync() =>
        SendAsync<OrganiserInvitation>(HttpMethod.Post, "api/account/invitations", null);

    public Task<ApiResult<EnteredDialogue>> EnterDialogueAsync(Guid dialogueId) =>
        SendAsync<EnteredDialogue>(HttpMethod.Post, $"api/account/dialogues/{dialogueId}/enter", null);

    /// <summary>WebAuthn options as the server wrote them, handed to the browser's ceremony untouched.</summary>
    public Task<ApiResult<string>> PasskeyOptionsAsync(bool forCreation) =>
        SendForTextAsync(forCreation ? "api/account/passkeys/creation-options" : "api/account/passkeys/request-options");

    public Task<ApiProblem?> AddPasskeyAsync(string credentialJson) =>
        SendExpectingNoBodyAsync(HttpMethod.Post, "api/account/passkeys", new PasskeyCredentialRequest(credentialJson));

    public Task<ApiResult<AccountStatus>> PasskeySignInAsync(string credentialJson) =>
        SendAsync<AccountStatus>(HttpMethod.Post, "api/account/passkeys/sign-in", new PasskeyCredentialRequest(credentialJson));

    private async Task<ApiProblem?> SendExpectingNoBodyAsync(HttpMethod method, string path, object? body)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
                request.Content = JsonContent.Create(body, body.GetType(), options: WireJson.Options);
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode ? null : await ProblemOf(response);
        }
        catch (HttpRequestException e)
        {
            return ApiProblem.Unreachable($"The server could not be reached ({e.Message}).");
        }
    }

    private async Task<ApiResult<string>> SendForTextAsync(string path)
    {
        try
        {
            using var response = await http.PostAsync(path, null);
            return response.IsSuccessStatusCode
                ? ApiResult<string>.Success(await response.Content.ReadAsStringAsync())
                : ApiResult<string>.Failure(await ProblemOf(response));
        }
        catch (HttpRequestException e)
        {
            return ApiResult<string>.Failure(ApiProblem.Unreachable($"The server could not be reached ({e.Message})."));
        }
    }
}
