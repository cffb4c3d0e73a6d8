using System.Text.Json.Nodes;
using Deliberation.Domain;

namespace Deliberation.Verify.Tests;

/// <summary>
/// One real server process with the demo seeded, and what a delegate of the demo downloads from it:
/// the events log as JSON lines, the log as JSON pages, and the statement's export with its heads.
/// The facilitator's log is kept too, only as the attack test's oracle (docs/security.md).
/// </summary>
public sealed class DemoLogFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-verify-tests");

    public DemoLogFixture() => Server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: true);

    public ServerProcess Server { get; }

    public Guid DialogueId { get; private set; }

    public Guid StatementId { get; private set; }

    public Guid Delegate { get; private set; }

    /// <summary>The log as the delegate downloads it, one line per event.</summary>
    public IReadOnlyList<string> Lines { get; private set; } = [];

    /// <summary>The same log as JSON pages (GET …/events), as the delegate reads it.</summary>
    public JsonArray DelegateEvents { get; private set; } = [];

    /// <summary>The facilitator's log (ChathamHouse: she sees every position whole): the oracle.</summary>
    public JsonArray FacilitatorEvents { get; private set; } = [];

    /// <summary>The dialogue as the delegate sees it: the roster (ids, names, groups) is public to members.</summary>
    public JsonObject Dialogue { get; private set; } = [];

    /// <summary>The statement as the delegate sees it: clauses, revisions, options.</summary>
    public JsonObject Statement { get; private set; } = [];

    /// <summary>The heads the delegate's JSON export printed.</summary>
    public IReadOnlyList<(string StreamId, long Version, string Hash)> ExportedHeads { get; private set; } = [];

    public string Folder => folder.Path;

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        var invites = Path.Combine(folder.Path, "data", "demo-invites.txt");
        await Eventually.Async(() => File.Exists(invites), TimeSpan.FromSeconds(30), () => $"No {invites}:\n{Server.Output}", TimeSpan.FromMilliseconds(100));
        var lines = File.ReadAllLines(invites).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        string Code(string[] fields) => fields[3][(fields[3].LastIndexOf('/') + 1)..];

        using var delegateClient = Server.NewClient();
        // The second delegate: the seed commits each delegate's positions as one batch, so hers sit
        // between the first delegate's batch and the rest — the place channel 1's attack needs a
        // hash she holds on either side of someone else's positions.
        await delegateClient.RedeemAsync(Code(lines.Where(f => f[0] == nameof(Role.Delegate)).Skip(1).First()));
        Delegate = delegateClient.ParticipantId;
        using var facilitator = Server.NewClient();
        await facilitator.RedeemAsync(Code(lines.First(f => f[0] == nameof(Role.Facilitator))));

        DialogueId = Assert.Single((await delegateClient.GetJsonAsync("/api/dialogues")).AsArray())!["id"]!.GetValue<Guid>();
        var dialogue = await delegateClient.GetJsonAsync($"/api/dialogues/{DialogueId}");
        StatementId = Assert.Single(dialogue["statements"]!.AsArray())!["id"]!.GetValue<Guid>();
        Dialogue = dialogue.AsObject();
        Statement = (await delegateClient.GetJsonAsync($"/api/dialogues/{DialogueId}/statements/{StatementId}")).AsObject();

        var jsonl = await delegateClient.GetAsync($"/api/dialogues/{DialogueId}/events?format=jsonl");
        Assert.True(jsonl.IsSuccessStatusCode, await jsonl.Content.ReadAsStringAsync());
        Assert.Equal("application/x-ndjson", jsonl.Content.Headers.ContentType?.MediaType);
        Lines = [.. (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

        DelegateEvents = await EventsAsync(delegateClient);
        FacilitatorEvents = await EventsAsync(facilitator);

        var export = await delegateClient.GetJsonAsync($"/api/dialogues/{DialogueId}/statements/{StatementId}/export?format=json");
        ExportedHeads = [.. export["heads"]!.AsArray().Select(h => (h!["streamId"]!.GetValue<string>(), h["version"]!.GetValue<long>(), h["hash"]!.GetValue<string>()))];
    }

    private async Task<JsonArray> EventsAsync(ApiClient client)
    {
        var page = await client.GetJsonAsync($"/api/dialogues/{DialogueId}/events");
        Assert.False(page["hasMore"]!.GetValue<bool>());
        return page["events"]!.AsArray();
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoLogCollection : ICollectionFixture<DemoLogFixture>
{
    public const string Name = "Demo log";
}
