using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.DisclosureAttacks;

/// <summary>
/// One real server process for the attacker suite, and the room it attacks: the demo's shape —
/// Region × Sector, one delegate per pair (16), k = 3 — the worst case for attribution, since a
/// Region row and a Sector row together name one person.
/// </summary>
public sealed class DisclosureFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-disclosure");

    public DisclosureFixture() => Server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);

    public ServerProcess Server { get; }

    public const string Facilitator = "Fran Facilitator";
    public const string Rapporteur = "Rhea Rapporteur";
    public const string Observer = "Otto Observer";
    public const int K = 3;

    public static readonly string[] Regions = ["China", "United States", "Europe", "Global South"];
    public static readonly string[] Sectors = ["Academia", "Industry", "Government", "Civil society"];

    public static readonly Dimension[] Dimensions = [new("Region", [.. Regions]), new("Sector", [.. Sectors])];

    /// <summary>The delegate of one Region × Sector pair, e.g. "China/Academia".</summary>
    public static string DelegateOf(string region, string sector) => $"{region}/{sector}";

    public static IEnumerable<string> Delegates => Regions.SelectMany(r => Sectors.Select(s => DelegateOf(r, s)));

    public static readonly Seat[] Seats =
    [
        new(Facilitator, Role.Facilitator),
        new(Rapporteur, Role.Rapporteur),
        new(Observer, Role.Observer),
        .. Regions.SelectMany(r => Sectors.Select(s => new Seat(DelegateOf(r, s), Role.Delegate, ("Region", r), ("Sector", s)))),
    ];

    /// <summary>The demo-like room with <paramref name="clauses"/> clauses, in Deliberation.</summary>
    public async Task<(TestDialogue Dialogue, IReadOnlyList<Guid> Clauses)> RoomAsync(ConfidentialityMode mode = ConfidentialityMode.ChathamHouse, int clauses = 1)
    {
        try
        {
            var dialogue = await TestDialogue.CreateAsync(Server.NewClient, mode, Dimensions, Seats);
            var ids = new List<Guid>();
            for (var i = 0; i < clauses; i++)
                ids.Add(await dialogue.ProposeClauseAsync(Rapporteur, $"Clause {i + 1}: no AI system should copy itself without human approval."));
            await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
            return (dialogue, ids);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Setting up the dialogue failed; the server said:\n{Server.Output}", e);
        }
    }

    public Task<HubClient> ConnectAsync(TestDialogue dialogue, string who) => HubClient.ConnectAsync(Server.BaseAddress, dialogue[who]);

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync()
    {
        Server.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DisclosureCollection : ICollectionFixture<DisclosureFixture>
{
    public const string Name = "Disclosure";
}
