using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Contracts.Json;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Client.Api;

/// <summary>The HTTP API (docs/api.md), as the browser calls it; the invite cookie travels with each same-origin request.</summary>
public sealed partial class DeliberationApi(HttpClient http)
{
    public Task<ApiResult<Me>> MeAsync() => GetAsync<Me>("api/me");

    public Task<ApiResult<List<DialogueSummaryView>>> ListDialoguesAsync() => GetAsync<List<DialogueSummaryView>>("api/dialogues");

    public Task<ApiResult<CreatedDialogue>> CreateDialogueAsync(CreateDialogueRequest request) =>
        SendAsync<CreatedDialogue>(HttpMethod.Post, "api/dialogues", request);

    public Task<ApiResult<DialogueView>> GetDialogueAsync(Guid id) => GetAsync<DialogueView>($"api/dialogues/{id}");

    public Task<ApiResult<StatementView>> GetStatementAsync(Guid id, Guid statementId) =>
        GetAsync<StatementView>($"api/dialogues/{id}/statements/{statementId}");

    /// <summary>The figures as the caller may see them; <paramref name="asRoom"/> asks for what the room sees (the projector).</summary>
    public Task<ApiResult<StatementConsensus>> GetConsensusAsync(Guid id, Guid statementId, bool asRoom = false) =>
        GetAsync<StatementConsensus>($"api/dialogues/{id}/statements/{statementId}/consensus{(asRoom ? "?audience=room" : "")}");

    /// <summary>Who holds out on a clause and why (docs/api.md, "Holdouts"); the server refuses delegates and observers.</summary>
    public Task<ApiResult<ClauseHoldouts>> GetHoldoutsAsync(Guid id, Guid statementId, Guid clauseId) =>
        GetAsync<ClauseHoldouts>($"api/dialogues/{id}/statements/{statementId}/clauses/{clauseId}/holdouts");

    public Task<ApiResult<IssuedInvite>> AddMemberAsync(Guid id, AddMemberRequest request) =>
        SendAsync<IssuedInvite>(HttpMethod.Post, $"api/dialogues/{id}/members", request);

    public Task<ApiResult<IssuedInvite>> ReissueInviteAsync(Guid id, Guid participantId) =>
        SendAsync<IssuedInvite>(HttpMethod.Post, $"api/dialogues/{id}/members/{participantId}/invites", null);

    public Task<ApiResult<List<InviteView>>> ListInvitesAsync(Guid id) => GetAsync<List<InviteView>>($"api/dialogues/{id}/invites");

    public Task<ApiResult<CommandOutcome>> RevokeInviteAsync(Guid id, string codeHash) =>
        SendAsync<CommandOutcome>(HttpMethod.Delete, $"api/dialogues/{id}/invites/{Uri.EscapeDataString(codeHash)}", null);

    public Task<ApiResult<CreatedStatement>> AddStatementAsync(Guid id, string title) =>
        SendAsync<CreatedStatement>(HttpMethod.Post, $"api/dialogues/{id}/statements", new AddStatementRequest(title));

    /// <summary>
    /// A dialogue command (<c>ChangeSettings</c>, <c>ChangeConsensusRules</c>, <c>UpdateMember</c>,
    /// <c>RemoveMember</c>, …) as <c>POST /api/dialogues/{id}/commands</c> takes it: the command with its <c>type</c>.
    /// </summary>
    public Task<ApiResult<CommandOutcome>> SendDialogueCommandAsync(Guid id, DialogueCommand command) =>
        SendAsync<CommandOutcome>(HttpMethod.Post, $"api/dialogues/{id}/commands", command, typeof(DialogueCommand));

    private Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    /// <param name="bodyType">The type to write the body as: a polymorphic base writes the <c>type</c> discriminator.</param>
    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, Type? bodyType = null)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
                request.Content = JsonContent.Create(body, bodyType ?? body.GetType(), options: WireJson.Options);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(WireJson.Options);
                return value is null
                    ? ApiResult<T>.Failure(new ApiProblem(response.StatusCode, "response.empty", "The server sent an empty answer."))
                    : ApiResult<T>.Success(value);
            }
            return ApiResult<T>.Failure(await ProblemOf(response));
        }
        catch (HttpRequestException e)
        {
            return ApiResult<T>.Failure(ApiProblem.Unreachable($"The server could not be reached ({e.Message})."));
        }
        catch (JsonException e)
        {
            return ApiResult<T>.Failure(new ApiProblem(null, "response.malformed", $"The server's answer could not be read ({e.Message})."));
        }
    }

    /// <summary>Problem details carry <c>rule</c> and <c>title</c>; a refused command carries <c>error.rule</c> and <c>error.message</c>.</summary>
    internal static async Task<ApiProblem> ProblemOf(HttpResponseMessage response)
    {
        var fallback = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "Sign in with your invite link first.",
            HttpStatusCode.Forbidden => "You may not do this here.",
            HttpStatusCode.NotFound => "Not found.",
            HttpStatusCode.TooManyRequests => "Too many requests: wait a moment and try again.",
            _ => $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.",
        };
        try
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!string.IsNullOrWhiteSpace(text) && JsonNode.Parse(text) is JsonObject json)
            {
                if (json["error"] is JsonObject error)
                    return new ApiProblem(response.StatusCode, (string?)error["rule"] ?? "unknown", (string?)error["message"] ?? fallback);
                var rule = (string?)json["rule"] ?? $"http.{(int)response.StatusCode}";
                var message = (string?)json["detail"] ?? (string?)json["title"] ?? fallback;
                return new ApiProblem(response.StatusCode, rule, message);
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the status alone.
        }
        return new ApiProblem(response.StatusCode, response.StatusCode == HttpStatusCode.Unauthorized ? "auth.required" : $"http.{(int)response.StatusCode}", fallback);
    }
}
