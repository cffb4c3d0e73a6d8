using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>Someone to add to a dialogue: a role and at most one group per dimension.</summary>
public sealed record Seat(string Name, Role Role, params (string Dimension, string Group)[] Groups)
{
    public ImmutableDictionary<string, string> GroupMap => Groups.ToImmutableDictionary(g => g.Dimension, g => g.Group);
}

/// <summary>
/// A dialogue built over HTTP exactly as people build one: the convener creates it (and is signed
/// in by doing so), adds each member with an invite, each member redeems her invite in her own
/// client, and the convener adds a statement. People are then addressed by name.
/// </summary>
public sealed class TestDialogue : IDisposable
{
    public const string ConvenerName = "Convener";

    private readonly Dictionary<string, ApiClient> clients = [];

    private TestDialogue(Guid id, Guid statementId, Dictionary<string, ApiClient> people)
    {
        Id = id;
        StatementId = statementId;
        clients = people;
    }

    public Guid Id { get; }

    public Guid StatementId { get; }

    public ApiClient Convener => clients[ConvenerName];

    public ApiClient this[string name] => clients[name];

    public Guid IdOf(string name) => clients[name].ParticipantId;

    public string Url => $"/api/dialogues/{Id}";

    public string StatementUrl => $"{Url}/statements/{StatementId}";

    public static Task<TestDialogue> CreateAsync(
        ServerFactory server, ConfidentialityMode mode, IEnumerable<Dimension> dimensions, params Seat[] seats) =>
        CreateAsync(server.NewClient, mode, dimensions, seats);

    /// <summary>The same dialogue on any server: <paramref name="newClient"/> makes a fresh signed-out client.</summary>
    public static async Task<TestDialogue> CreateAsync(
        Func<ApiClient> newClient, ConfidentialityMode mode, IEnumerable<Dimension> dimensions, params Seat[] seats)
    {
        // Only an organiser account creates a dialogue; its creator is then the convener.
        var convener = await newClient().SignInAsOrganiserAsync();
        var created = await Expect.OkAsync(await convener.PostAsync("/api/dialogues", new
        {
            title = $"Test dialogue {Guid.NewGuid():N}",
            confidentiality = mode,
            dimensions = dimensions.ToArray(),
            convenerName = "Ada Convener",
        }));
        var id = created["id"]!.GetValue<Guid>();
        convener.ParticipantId = created["convenerId"]!.GetValue<Guid>();
        var people = new Dictionary<string, ApiClient> { [ConvenerName] = convener };
        foreach (var seat in seats)
        {
            var invite = await convener.PostOkAsync($"/api/dialogues/{id}/members",
                new { displayName = seat.Name, affiliation = "Test", role = seat.Role, groups = seat.GroupMap });
            var client = newClient();
            await client.RedeemAsync(invite["code"]!.GetValue<string>());
            people[seat.Name] = client;
        }
        var statement = await convener.PostOkAsync($"/api/dialogues/{id}/statements", new { title = "Joint statement" });
        return new TestDialogue(id, statement["id"]!.GetValue<Guid>(), people);
    }

    public Task<HttpResponseMessage> SendAsync(string who, DialogueCommand command) => clients[who].CommandAsync(Id, command);

    public Task<HttpResponseMessage> SendAsync(string who, StatementCommand command) => clients[who].CommandAsync(Id, StatementId, command);

    public async Task<JsonNode> AcceptAsync(string who, DialogueCommand command) => await Expect.AcceptedAsync(await SendAsync(who, command));

    public async Task<JsonNode> AcceptAsync(string who, StatementCommand command) => await Expect.AcceptedAsync(await SendAsync(who, command));

    public async Task<Guid> ProposeClauseAsync(string who, string text, ClauseKind kind = ClauseKind.Principle, NumericParameter? parameter = null)
    {
        var clauseId = Guid.NewGuid();
        await AcceptAsync(who, new ProposeClause(clauseId, kind, text, null, parameter));
        return clauseId;
    }

    public Task SetPhaseAsync(string who, Phase phase) => AcceptAsync(who, new SetPhase(phase));

    public Task TakePositionAsync(string who, Guid clauseId, PositionKind position, int revision = 1) =>
        AcceptAsync(who, new TakePosition(clauseId, revision, position));

    public async Task<JsonNode> ConsensusAsync(string who = ConvenerName, string? at = null) =>
        await clients[who].GetJsonAsync($"{StatementUrl}/consensus{(at is null ? "" : $"?at={Uri.EscapeDataString(at)}")}");

    /// <summary>The events log as <paramref name="who"/> may read it, from a position on.</summary>
    public async Task<(JsonArray Events, long Next)> EventsAsync(string who = ConvenerName, long after = 0)
    {
        var page = await clients[who].GetJsonAsync($"{Url}/events?after={after}");
        Assert.False(page["hasMore"]!.GetValue<bool>());
        return (page["events"]!.AsArray(), page["next"]!.GetValue<long>());
    }

    public async Task<long> StatementVersionAsync() => (await Convener.GetJsonAsync(StatementUrl))["version"]!.GetValue<long>();

    public async Task<long> DialogueVersionAsync() => (await Convener.GetJsonAsync(Url))["version"]!.GetValue<long>();

    public void Dispose()
    {
        foreach (var client in clients.Values)
            client.Dispose();
    }
}

/// <summary>Reading the consensus matrix's JSON by names rather than by position.</summary>
public static class ConsensusJson
{
    public static JsonNode Clause(JsonNode consensus, Guid clauseId) =>
        consensus["clauses"]!.AsArray().Single(c => c!["clauseId"]!.GetValue<Guid>() == clauseId && c["optionId"] is null)!;

    public static JsonNode Dimension(JsonNode clause, string name) =>
        clause["dimensions"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == name)!;

    public static JsonNode Group(JsonNode clause, string dimension, string group) =>
        Dimension(clause, dimension)["groups"]!.AsArray().Single(g => g!["group"]!.GetValue<string>() == group)!;

    public static IReadOnlyList<string> GroupNames(JsonNode clause, string dimension) =>
        [.. Dimension(clause, dimension)["groups"]!.AsArray().Select(g => g!["group"]!.GetValue<string>())];

    public static string Status(JsonNode clause) => clause["status"]!.GetValue<string>();
}
