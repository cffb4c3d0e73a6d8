using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests;

/// <summary>
/// docs/architecture.md: "an acknowledged action is durable". The real server, as its own process, takes 200
/// acknowledged actions (in concurrent bursts, so that some are committed together) and is then killed with SIGKILL — no shutdown, no flush — and restarted on
/// the same database: every one of the 200 must be there.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private const int Actions = 200;
    private static readonly PositionKind[] Kinds = [PositionKind.Support, PositionKind.Accept, PositionKind.StandAside, PositionKind.Oppose, PositionKind.Block];

    private readonly TempFolder folder = new("deliberation-durability");
    private readonly List<IDisposable> clients = [];
    private ServerProcess server;

    public DurabilityTests() => server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);

    [Fact]
    public async Task TwoHundredAcknowledgedActionsSurviveSigkillAndRestart()
    {
        await server.StartAsync();

        // A dialogue, a statement, three clauses, four delegates (and their invites).
        var convener = Track(await server.NewOrganiserClientAsync());
        var created = await convener.PostOkAsync("/api/dialogues", new
        {
            title = "Durability",
            dimensions = new[] { new Dimension("Region", ["North", "South"]) },
            convenerName = "Ada Convener",
        });
        var dialogueId = created["id"]!.GetValue<Guid>();
        convener.ParticipantId = created["convenerId"]!.GetValue<Guid>();
        var url = $"/api/dialogues/{dialogueId}";
        var codes = new Dictionary<string, string>();
        var delegates = new List<ApiClient>();
        foreach (var (name, region) in new[] { ("D1", "North"), ("D2", "North"), ("D3", "South"), ("D4", "South") })
        {
            var invite = await convener.PostOkAsync($"{url}/members", new { displayName = name, role = Role.Delegate, groups = new Dictionary<string, string> { ["Region"] = region } });
            codes[name] = invite["code"]!.GetValue<string>();
            var client = Track(server.NewClient());
            await client.RedeemAsync(codes[name]);
            delegates.Add(client);
        }
        // The convener signs back in with an invite after the restart, whatever became of the cookie keys.
        codes["convener"] = (await convener.PostOkAsync($"{url}/members/{convener.ParticipantId}/invites", new { }))["code"]!.GetValue<string>();
        var statementId = (await convener.PostOkAsync($"{url}/statements", new { title = "Statement" }))["id"]!.GetValue<Guid>();
        var statementUrl = $"{url}/statements/{statementId}";
        var clauses = new List<Guid>();
        for (var c = 0; c < 3; c++)
        {
            var clause = Guid.NewGuid();
            await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, statementId, new ProposeClause(clause, ClauseKind.Principle, $"Clause {c + 1}.")));
            clauses.Add(clause);
        }
        await Expect.AcceptedAsync(await convener.CommandAsync(dialogueId, new SetPhase(Phase.Deliberation)));

        // 200 actions, each acknowledged: mostly positions, every fifth a hand raised or lowered. They go
        // in bursts, one per delegate at a time, so that positions meet in the statement grain's group
        // commit (docs/performance.md): acknowledged together, each must still be stored under its own version.
        var acknowledged = new List<(string StreamId, long Version, string Type)>();
        var lastPosition = new System.Collections.Concurrent.ConcurrentDictionary<(Guid Participant, Guid Clause), PositionKind>();
        var handUp = new bool[delegates.Count];
        async Task<(string StreamId, long Version, string Type)> ActAsync(int i)
        {
            var d = i % delegates.Count;
            if (i % 5 == 4)
            {
                var type = handUp[d] ? "HandLowered" : "HandRaised";
                var hand = await Expect.AcceptedAsync(await delegates[d].CommandAsync(dialogueId, handUp[d] ? new LowerHand(null) : new RaiseHand()));
                handUp[d] = !handUp[d];
                return (hand["streamId"]!.GetValue<string>(), hand["version"]!.GetValue<long>(), type);
            }
            var clause = clauses[i / delegates.Count % clauses.Count];
            var kind = Kinds[i / 3 % Kinds.Length];
            var outcome = await Expect.AcceptedAsync(await delegates[d].CommandAsync(dialogueId, statementId, new TakePosition(clause, 1, kind)));
            lastPosition[(delegates[d].ParticipantId, clause)] = kind;
            return (outcome["streamId"]!.GetValue<string>(), outcome["version"]!.GetValue<long>(), "PositionTaken");
        }
        for (var burst = 0; burst < Actions; burst += delegates.Count)
            acknowledged.AddRange(await Task.WhenAll(Enumerable.Range(burst, delegates.Count).Select(ActAsync)));
        Assert.Equal(Actions, acknowledged.Count);
        Assert.Equal(Actions, acknowledged.Select(a => (a.StreamId, a.Version)).Distinct().Count());
        var statementVersion = acknowledged.Where(a => a.Type == "PositionTaken").Max(a => a.Version);
        var dialogueVersion = acknowledged.Where(a => a.Type != "PositionTaken").Max(a => a.Version);

        // Pull the plug right after the last acknowledgement.
        var killed = server.ProcessId;
        server.Kill();
        server = new ServerProcess(server.DatabasePath, folder.Path, seedDemo: false);
        await server.StartAsync();
        Assert.NotEqual(killed, server.ProcessId);

        var after = Track(server.NewClient());
        await after.RedeemAsync(codes["convener"]);
        var page = await after.GetJsonAsync($"{url}/events?after=0");
        Assert.False(page["hasMore"]!.GetValue<bool>());
        var stored = page["events"]!.AsArray()
            .ToDictionary(e => (e!["streamId"]!.GetValue<string>(), e["version"]!.GetValue<long>()), e => e!["type"]!.GetValue<string>());
        // A position that completes a release is acknowledged at the release's version: both commit together.
        bool Stored((string StreamId, long Version, string Type) a) =>
            stored.TryGetValue((a.StreamId, a.Version), out var type)
            && (type == a.Type || (a.Type == "PositionTaken" && type == "FiguresReleased" && stored.GetValueOrDefault((a.StreamId, a.Version - 1)) == "PositionTaken"));
        var missing = acknowledged.Where(a => !Stored(a)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged actions were lost, first {missing.FirstOrDefault()}");
        Assert.Equal(Actions, stored.Values.Count(t => t is "PositionTaken" or "HandRaised" or "HandLowered"));

        // The state the grains rebuild says the same: versions, positions, the speaking queue.
        Assert.Equal(statementVersion, (await after.GetJsonAsync(statementUrl))["version"]!.GetValue<long>());
        var dialogue = await after.GetJsonAsync(url);
        Assert.Equal(dialogueVersion, dialogue["version"]!.GetValue<long>());
        Assert.Equal(
            delegates.Where((_, d) => handUp[d]).Select(c => c.ParticipantId).Order(),
            dialogue["speakingQueue"]!.AsArray().Select(p => p!.GetValue<Guid>()).Order());
        var consensus = await after.GetJsonAsync($"{statementUrl}/consensus");
        foreach (var clause in clauses)
        {
            var total = ConsensusJson.Dimension(ConsensusJson.Clause(consensus, clause), "Region")["total"]!;
            foreach (var kind in Kinds)
            {
                var field = char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
                Assert.Equal(lastPosition.Count(p => p.Key.Clause == clause && p.Value == kind), total[field]!.GetValue<int>());
            }
        }
        // And the delegates' invites still sign them in, with their own positions intact.
        var d1 = Track(server.NewClient());
        await d1.RedeemAsync(codes["D1"]);
        var mine = (await d1.GetJsonAsync(statementUrl))["clauses"]!.AsArray();
        foreach (var clause in mine)
        {
            var id = clause!["id"]!.GetValue<Guid>();
            Assert.Equal(lastPosition[(d1.ParticipantId, id)].ToString(), clause["myPosition"]!["kind"]!.GetValue<string>());
        }
    }

    public void Dispose()
    {
        foreach (var client in clients)
            client.Dispose();
        server.Dispose();
        folder.Dispose();
    }

    private ApiClient Track(ApiClient client)
    {
        clients.Add(client);
        return client;
    }
}
