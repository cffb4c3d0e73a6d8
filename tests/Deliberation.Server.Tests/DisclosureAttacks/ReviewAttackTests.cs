using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Contracts.Json;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.DisclosureAttacks.DisclosureFixture;

namespace Deliberation.Server.Tests.DisclosureAttacks;

/// <summary>
/// The Trust II attacks run against the review (docs/security.md, "Review"): a Chatham House delegate
/// who knows the roster reviews the statement after seven others acted one at a time, and tries to
/// learn from it what her live room did not show — by differencing the statement at two moments
/// around a position, by counting moments, by the actor fields, and by the story's points between
/// releases. Each test fails on a review that shows live figures or every event's moment.
/// </summary>
[Collection(DisclosureCollection.Name)]
public sealed class ReviewAttackTests(DisclosureFixture fixture)
{
    private const string Attacker = "China/Academia";

    private static readonly (string Who, PositionKind Position)[] Script =
    [
        ("United States/Industry", PositionKind.Block),
        ("Europe/Government", PositionKind.Support),
        ("Global South/Civil society", PositionKind.Oppose),
        ("China/Industry", PositionKind.Support),
        ("United States/Academia", PositionKind.Support),
        ("Europe/Civil society", PositionKind.StandAside),
        ("Global South/Government", PositionKind.Support),
    ];

    private async Task<(TestDialogue Dialogue, Guid Clause, RoomObserver Attacker)> PlayedAsync()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);
        foreach (var (who, position) in Script)
            await dialogue.TakePositionAsync(who, clauses[0], position);
        return (dialogue, clauses[0], attacker);
    }

    private static string Review(TestDialogue dialogue) => $"{dialogue.StatementUrl}/review";

    private static long PositionOf(JsonNode e) => e["logPosition"]!.GetValue<long>();

    [Fact]
    public async Task DifferencingTheStatementAtAnyTwoMomentsNeverNarrowsAChangeBelowK()
    {
        var (dialogue, clause, attacker) = await PlayedAsync();
        await using var _ = attacker;
        var log = await attacker.EventsLogAsync();

        // Every moment she may ask for: each event of her log she was given (not the opaque ones).
        var states = new List<JsonNode>();
        foreach (var e in log.Where(e => (string?)e!["type"] != "Hidden"))
        {
            var snapshot = await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/at?moment={PositionOf(e!)}");
            if (snapshot["clauses"]!.AsArray().Count == 0)
                continue;
            var figures = ConsensusJson.Clause(snapshot["consensus"]!, clause);
            Assert.NotNull(figures["release"]); // released figures only, never live ones
            states.Add(figures);
        }
        var attributions = states.Zip(states.Skip(1)).Select(p => Inference.Candidates(p.First, p.Second, attacker.Roster)).OfType<IReadOnlySet<Guid>>().ToList();
        Assert.NotEmpty(attributions); // releases did move the figures: the attack had something to difference
        Assert.All(attributions, c => Assert.True(Inference.HidesAmongK(c, K), attacker.Describe(c)));

        // The moments around each hidden position are not hers to ask for, and comparing across one shows no cell.
        foreach (var hidden in log.Where(e => (string?)e!["type"] == "Hidden"))
        {
            await Expect.RefusedAsync(await dialogue[Attacker].GetAsync($"{Review(dialogue)}/at?moment={PositionOf(hidden!)}"), HttpStatusCode.NotFound, "review.unknown-moment");
            await Expect.RefusedAsync(await dialogue[Attacker].GetAsync($"{Review(dialogue)}/compare?from={PositionOf(log[0]!)}&to={PositionOf(hidden!)}"), HttpStatusCode.NotFound, "review.unknown-moment");
        }
    }

    [Fact]
    public async Task TheTimelineHasAMomentOnlyWhereHerLogHasAnEventAndNamesNoOtherDelegate()
    {
        var (dialogue, _, attacker) = await PlayedAsync();
        await using var _ = attacker;
        var log = await attacker.EventsLogAsync();
        var given = log.Where(e => (string?)e!["type"] != "Hidden").ToDictionary(e => PositionOf(e!), e => (string)e!["type"]!);

        var timeline = await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/timeline");
        var moments = timeline["moments"]!.AsArray();

        Assert.Contains(moments, m => (string?)m!["kind"] == "release");
        Assert.All(moments, m => Assert.True(given.ContainsKey(m!["moment"]!.GetValue<long>()), $"{m} is at an event she was never given"));
        // Her statuses move only where the room was shown figures.
        Assert.All(moments.Where(m => (string?)m!["kind"] == "status"),
            m => Assert.Contains(given[m!["moment"]!.GetValue<long>()], new[] { "FiguresReleased", "ClauseAdded", "ClauseRevised", "ClauseWithdrawn", "MemberAdded", "MemberUpdated", "MemberRemoved", "ConsensusRulesChanged", "DimensionsDefined", "DialogueSettingsChanged" }));
        var others = Delegates.Where(d => d != Attacker).ToHashSet();
        Assert.All(moments, m => Assert.DoesNotContain((string?)m!["actor"] ?? "", others));
        // A moment's words as data tell her no more than its English sentence: rendered, they are that sentence, and name nobody else.
        foreach (var moment in moments.Select(m => m.Deserialize<ReviewMoment>(WireJson.Options)!))
        {
            Assert.Equal(moment.Summary, MomentPhrases.Render(moment.Phrase!));
            Assert.Equal(moment.Detail, moment.DetailPhrase is { } detail ? MomentPhrases.Render(detail) : moment.Detail);
            var words = JsonSerializer.Serialize(new { moment.Phrase, moment.DetailPhrase }, WireJson.Options);
            Assert.All(others, other => Assert.DoesNotContain(other, words, StringComparison.Ordinal));
        }

        // The chair, who saw live figures, has a status moment at positions: the test tells the two apart.
        var chairs = (await dialogue[Facilitator].GetJsonAsync($"{Review(dialogue)}/timeline"))["moments"]!.AsArray();
        Assert.True(chairs.Count(m => (string?)m!["kind"] == "status") > moments.Count(m => (string?)m!["kind"] == "status"));
    }

    [Fact]
    public async Task APositionThatReleasesNothingChangesNothingSheCanCountOrChart()
    {
        var (dialogue, clause, attacker) = await PlayedAsync();
        await using var _ = attacker;
        var timeline = (await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/timeline"))["moments"]!.ToJsonString();
        var story = (await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/clauses/{clause}/story")).ToJsonString();

        // One more delegate acts: fewer than k changes since the last release, so the room was shown nothing.
        await dialogue.TakePositionAsync("Europe/Industry", clause, PositionKind.Oppose);

        Assert.Equal(timeline, (await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/timeline"))["moments"]!.ToJsonString());
        Assert.Equal(story, (await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/clauses/{clause}/story")).ToJsonString());
        // The chair's review does move: the position was there to be seen.
        var chairs = await dialogue[Facilitator].GetJsonAsync($"{Review(dialogue)}/clauses/{clause}/story");
        Assert.NotEqual(story, chairs.ToJsonString());
    }

    [Fact]
    public async Task TheStorysPointsAreOnlyAtReleasesNeverBetween()
    {
        var (dialogue, clause, attacker) = await PlayedAsync();
        await using var _ = attacker;
        var log = await attacker.EventsLogAsync();
        var releases = log.Where(e => (string?)e!["type"] is "FiguresReleased" or "ClauseAdded").Select(e => PositionOf(e!)).ToHashSet();

        var story = await dialogue[Attacker].GetJsonAsync($"{Review(dialogue)}/clauses/{clause}/story");

        Assert.NotEmpty(story["points"]!.AsArray());
        Assert.All(story["points"]!.AsArray(), p => Assert.Contains(p!["moment"]!.GetValue<long>(), releases));
        Assert.All(story["needs"]!.AsArray(), n => Assert.Contains(n!["moment"]!.GetValue<long>(), releases));
        Assert.All(story["firstMet"]!.AsArray(), n => Assert.Contains(n!["moment"]!.GetValue<long>(), releases));
    }
}
