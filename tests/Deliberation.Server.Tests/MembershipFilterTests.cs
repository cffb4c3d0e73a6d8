using System.Net;
using System.Text;
using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>
/// Every route under /api/dialogues/{id} is for the dialogue's members, checked once by the
/// membership filter: each answers a stranger 401, a member of another dialogue 403, and an
/// unknown dialogue 404, with the rule named, before the endpoint runs.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class MembershipFilterTests(ServerFixture fixture)
{
    private ServerFactory Server => fixture.Server;

    /// <summary>Method, path ({d} the dialogue, {s} its statement) and body of each members-only route.</summary>
    public static TheoryData<string, string, string?> MembersOnlyRoutes => new()
    {
        { "GET", "{d}", null },
        { "POST", "{d}/members", """{"displayName":"Someone","role":"Delegate"}""" },
        { "POST", $"{{d}}/members/{Guid.NewGuid()}/invites", null },
        { "GET", "{d}/invites", null },
        { "DELETE", "{d}/invites/not-a-hash", null },
        { "POST", "{d}/statements", """{"title":"Another statement"}""" },
        { "GET", "{d}/events", null },
        { "POST", "{d}/commands", JsonSerializer.Serialize<DialogueCommand>(new RaiseHand(), DomainJson.Options) },
        { "POST", "{d}/statements/{s}/commands", JsonSerializer.Serialize<StatementCommand>(new FreezeStatement(), DomainJson.Options) },
        { "GET", "{d}/statements/{s}", null },
        { "GET", "{d}/statements/{s}/consensus", null },
        { "GET", "{d}/statements/{s}/export", null },
        { "GET", "{d}/export/polis", null },
        { "GET", "{d}/statements/{s}/review/timeline", null },
        { "GET", "{d}/statements/{s}/review/at", null },
        { "GET", "{d}/statements/{s}/review/compare?from=1&to=2", null },
        { "GET", $"{{d}}/statements/{{s}}/review/clauses/{Guid.NewGuid()}/story", null },
        { "GET", "{d}/statements/{s}/review/report", null },
    };

    [Theory]
    [MemberData(nameof(MembersOnlyRoutes))]
    public async Task StrangersOutsidersAndUnknownDialoguesAreTurnedAway(string method, string path, string? body)
    {
        using var dialogue = await CreateAsync(Server);
        using var other = await CreateAsync(Server);
        using var anonymous = Server.NewClient();

        await Expect.RefusedAsync(await SendAsync(anonymous, method, Url(path, dialogue.Id, dialogue.StatementId), body), HttpStatusCode.Unauthorized, "auth.required");
        await Expect.RefusedAsync(await SendAsync(other["N1"], method, Url(path, dialogue.Id, dialogue.StatementId), body), HttpStatusCode.Forbidden, "dialogue.not-a-member");
        await Expect.RefusedAsync(await SendAsync(dialogue.Convener, method, Url(path, Guid.NewGuid(), dialogue.StatementId), body), HttpStatusCode.NotFound, "dialogue.not-found");
    }

    private static string Url(string path, Guid dialogueId, Guid statementId) =>
        "/api/dialogues/" + path.Replace("{d}", dialogueId.ToString(), StringComparison.Ordinal).Replace("{s}", statementId.ToString(), StringComparison.Ordinal);

    private static Task<HttpResponseMessage> SendAsync(ApiClient client, string method, string url, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return client.Http.SendAsync(request);
    }
}
