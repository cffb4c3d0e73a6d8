using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Testing;

/// <summary>
/// An HTTP client of the API as one caller (it keeps her cookie). Bodies are written with the
/// domain's own JSON options, so commands carry their <c>type</c> discriminator as on the wire.
/// </summary>
public sealed class ApiClient(HttpClient http, CookieContainer? cookies = null) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>The cookies, where this client holds them itself (a real server): a hub connection signs in with them.</summary>
    public CookieContainer? Cookies => cookies;

    /// <summary>Who this client is signed in as, once known.</summary>
    public Guid ParticipantId { get; set; }

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    public async Task<JsonNode> GetJsonAsync(string url) => await Expect.OkAsync(await http.GetAsync(url));

    public Task<HttpResponseMessage> PostAsync<T>(string url, T body) => http.PostAsync(url, Json(body));

    public Task<HttpResponseMessage> PostRawAsync(string url, string json) =>
        http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonNode> PostOkAsync<T>(string url, T body) => await Expect.OkAsync(await PostAsync(url, body));

    public Task<HttpResponseMessage> CommandAsync(Guid dialogueId, DialogueCommand command) =>
        PostAsync<DialogueCommand>($"/api/dialogues/{dialogueId}/commands", command);

    public Task<HttpResponseMessage> CommandAsync(Guid dialogueId, Guid statementId, StatementCommand command) =>
        PostAsync<StatementCommand>($"/api/dialogues/{dialogueId}/statements/{statementId}/commands", command);

    /// <summary>Signs this client in with an invite code; returns the redeem answer.</summary>
    public async Task<JsonNode> RedeemAsync(string code)
    {
        var answer = await Expect.OkAsync(await http.PostAsync($"/api/invites/{Uri.EscapeDataString(code)}/redeem", null));
        ParticipantId = answer["participantId"]!.GetValue<Guid>();
        return answer;
    }

    /// <summary>Signs this client in to the test servers' organiser account (<see cref="TestOrganiser"/>); it may then create dialogues and import.</summary>
    public Task<ApiClient> SignInAsOrganiserAsync() => TestOrganiser.SignInAsync(this);

    public static StringContent Json<T>(T body) =>
        new(JsonSerializer.Serialize(body, DomainJson.Options), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public void Dispose() => http.Dispose();
}

/// <summary>Assertions on answers that show the body when they fail.</summary>
public static class Expect
{
    public static async Task<JsonNode> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{Describe(response)} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    /// <summary>An accepted command: <c>{accepted: true, streamId, version}</c>.</summary>
    public static async Task<JsonNode> AcceptedAsync(HttpResponseMessage response)
    {
        var outcome = await OkAsync(response);
        Assert.True(outcome["accepted"]!.GetValue<bool>(), outcome.ToJsonString());
        return outcome;
    }

    /// <summary>
    /// A refusal with this status and rule: either a problem details body with a <c>rule</c>
    /// extension, or a command outcome <c>{accepted: false, error: {rule}}</c>.
    /// </summary>
    public static async Task<JsonNode> RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string rule)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{Describe(response)}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        var actual = json["rule"]?.GetValue<string>() ?? json["error"]?["rule"]?.GetValue<string>();
        Assert.True(rule == actual, $"{Describe(response)}: expected rule {rule}, got {actual}: {body}");
        if (json["error"] is { } error)
        {
            Assert.False(json["accepted"]!.GetValue<bool>());
            Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()));
        }
        else
        {
            AssertProblem(response, json, (int)status);
        }
        return json;
    }

    /// <summary>RFC 9457: a problem+json body whose status matches the response.</summary>
    public static void AssertProblem(HttpResponseMessage response, JsonNode json, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, json["status"]?.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(json["title"]?.GetValue<string>()), json.ToJsonString());
    }

    private static string Describe(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
}
