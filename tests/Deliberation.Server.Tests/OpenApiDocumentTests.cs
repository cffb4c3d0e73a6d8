using System.Text.Json.Nodes;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests;

/// <summary>
/// The OpenAPI document at /openapi/v1.json describes the API as the endpoints declare it: each
/// route with the records it answers with, so a client generated from it reads the real wire.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OpenApiDocumentTests(ServerFixture fixture)
{
    [Fact]
    public async Task ServedToAnyoneAndListsEveryEndpoint()
    {
        var document = await DocumentAsync();

        var paths = document["paths"]!.AsObject();
        foreach (var (path, method) in new[]
        {
            ("/health", "get"), ("/api/me", "get"), ("/api/invites/{code}/redeem", "post"),
            ("/api/dialogues", "get"), ("/api/dialogues", "post"), ("/api/dialogues/{id}", "get"),
            ("/api/dialogues/{id}/members", "post"), ("/api/dialogues/{id}/members/{participantId}/invites", "post"),
            ("/api/dialogues/{id}/invites", "get"), ("/api/dialogues/{id}/invites/{codeHash}", "delete"),
            ("/api/dialogues/{id}/statements", "post"), ("/api/dialogues/{id}/events", "get"),
            ("/api/dialogues/{id}/commands", "post"), ("/api/dialogues/{id}/statements/{sid}", "get"),
            ("/api/dialogues/{id}/statements/{sid}/consensus", "get"), ("/api/dialogues/{id}/statements/{sid}/export", "get"),
            ("/api/dialogues/{id}/statements/{sid}/commands", "post"), ("/api/dialogues/{id}/export/polis", "get"),
            ("/api/imports/polis", "post"), ("/api/dialogues/{id}/verify", "get"),
            ("/api/dialogues/{id}/statements/{sid}/clauses/{cid}/holdouts", "get"),
        })
            Assert.True(paths[path]?[method] is not null, $"{method.ToUpperInvariant()} {path} is not in the document.");
    }

    [Theory]
    [InlineData("/api/dialogues/{id}", "get", "200", new[] { "id", "version", "settings", "phase", "roster", "statements", "you" })]
    [InlineData("/api/dialogues/{id}/statements/{sid}", "get", "200", new[] { "id", "dialogueId", "title", "version", "clauses", "signatures" })]
    [InlineData("/api/dialogues/{id}/events", "get", "200", new[] { "events", "next", "hasMore" })]
    [InlineData("/api/dialogues", "post", "201", new[] { "id", "version", "convenerId" })]
    [InlineData("/api/dialogues/{id}/members", "post", "200", new[] { "participantId", "code", "expiresAt", "link" })]
    [InlineData("/api/dialogues/{id}/commands", "post", "200", new[] { "accepted", "streamId", "version", "error" })]
    [InlineData("/api/dialogues/{id}/commands", "post", "409", new[] { "accepted", "streamId", "version", "error" })]
    [InlineData("/api/me", "get", "200", new[] { "participantId", "displayName" })]
    [InlineData("/api/dialogues/{id}/verify", "get", "200", new[] { "dialogueId", "verifiedAt", "intact", "streams" })]
    [InlineData("/health", "get", "200", new[] { "status", "history" })]
    public async Task ResponsesCarryTheirSchemaWithTheWiresFieldNames(string path, string method, string status, string[] properties)
    {
        var document = await DocumentAsync();

        var schema = Resolve(document, document["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!);
        var declared = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var property in properties)
            Assert.Contains(property, declared);
    }

    [Fact]
    public async Task MembersOnlyRoutesDeclareTheMembershipProblems()
    {
        var document = await DocumentAsync();

        var responses = document["paths"]!["/api/dialogues/{id}/statements/{sid}/consensus"]!["get"]!["responses"]!.AsObject();
        foreach (var status in new[] { "401", "403", "404" })
            Assert.True(responses.ContainsKey(status), $"The consensus route does not declare {status}.");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        // Not signed in: the document describes the API and holds no data.
        using var anonymous = fixture.Server.NewClient();
        return await anonymous.GetJsonAsync("/openapi/v1.json");
    }

    /// <summary>Follows a <c>$ref</c> into <c>components/schemas</c>, as a client generator would.</summary>
    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? Resolve(document, document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!)
            : schema;
}
