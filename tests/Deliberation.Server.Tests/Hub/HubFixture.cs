using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>One real server process for the hub tests, and the dialogue shape they use.</summary>
public class HubFixture : IAsyncLifetime
{
    private readonly TempFolder folder = new("deliberation-hub");

    /// <summary>
    /// The hub's refill is slowed to 5 calls a second (burst 40 as shipped): the rate-limit test must
    /// run the bucket dry even on a machine so busy that each call takes 50 ms or more — at the shipped
    /// 20 a second such a machine refills it as fast as one connection can drain it.
    /// </summary>
    /// <summary>
    /// The live room's debug log (heartbeats, subscriptions) with times to the millisecond, for the
    /// delivery tests: a bound missed on a loaded machine shows where the time went.
    /// </summary>
    protected static readonly string[] TimedRealtimeLog =
    [
        "--Logging:LogLevel:Deliberation.Server.Realtime=Debug",
        "--Logging:Console:FormatterName=simple",
        "--Logging:Console:FormatterOptions:SingleLine=true",
        "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
    ];

    public HubFixture() : this("--RateLimits:HubPerSecond=5")
    {
    }

    /// <summary>A hub server with other settings, for tests that need the server to behave differently.</summary>
    protected HubFixture(params string[] settings) =>
        Server = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false, settings: settings);

    public ServerProcess Server { get; }

    public string Folder => folder.Path;

    /// <summary>Region = {North, South}; Sector = {Academia, Industry, Government} where Government has one member (under k = 3).</summary>
    public static readonly Dimension[] Dimensions =
    [
        new("Region", ["North", "South"]),
        new("Sector", ["Academia", "Industry", "Government"]),
    ];

    public static readonly Seat[] Seats =
    [
        new("Fran Facilitator", Role.Facilitator),
        new("Rhea Rapporteur", Role.Rapporteur),
        new("Otto Observer", Role.Observer),
        new("N1", Role.Delegate, ("Region", "North"), ("Sector", "Academia")),
        new("N2", Role.Delegate, ("Region", "North"), ("Sector", "Academia")),
        new("N3", Role.Delegate, ("Region", "North"), ("Sector", "Industry")),
        new("S1", Role.Delegate, ("Region", "South"), ("Sector", "Industry")),
        new("S2", Role.Delegate, ("Region", "South"), ("Sector", "Industry")),
        new("S3", Role.Delegate, ("Region", "South"), ("Sector", "Government")),
    ];

    /// <summary>A dialogue in Deliberation with one clause, in the given mode.</summary>
    public async Task<(TestDialogue Dialogue, Guid Clause)> DialogueAsync(ConfidentialityMode mode = ConfidentialityMode.ChathamHouse)
    {
        try
        {
            var dialogue = await TestDialogue.CreateAsync(Server.NewClient, mode, Dimensions, Seats);
            var clause = await dialogue.ProposeClauseAsync("Rhea Rapporteur", "No AI system should copy itself without human approval.");
            await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Deliberation);
            return (dialogue, clause);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Setting up the dialogue failed; the server said:\n{Server.Output}", e);
        }
    }

    public Task<HubClient> ConnectAsync(TestDialogue dialogue, string who, bool catchesUp = false) => HubClient.ConnectAsync(Server.BaseAddress, dialogue[who], catchesUp);

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync()
    {
        Server.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class HubCollection : ICollectionFixture<HubFixture>
{
    public const string Name = "Hub";
}
