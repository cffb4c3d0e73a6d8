using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.DisclosureAttacks.DisclosureFixture;

namespace Deliberation.Server.Tests.DisclosureAttacks;

/// <summary>
/// The issue's channels, each played by a delegate who knows the roster and does the arithmetic
/// (docs/security.md, "What a release viewer receives"). Every test asserts on her inference —
/// no change she did not make is narrowed to fewer than k people — and each fails on the server
/// as it was before releases (live figures per action, per-dimension folding).
/// </summary>
[Collection(DisclosureCollection.Name)]
public sealed class DelegateAttackTests(DisclosureFixture fixture)
{
    private const string Attacker = "China/Academia";

    /// <summary>Seven others act one at a time, across regions and sectors, the worst case for differencing.</summary>
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

    [Fact]
    public async Task Channel2_ConsensusPushesNeverNarrowAChangeBelowK()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);

        await PlayAsync(dialogue, clauses[0], attacker);

        var attributions = attacker.AttributionsFromPushes(clauses[0]);
        Assert.NotEmpty(attributions); // releases did reach her: the test is not vacuous
        Assert.All(attributions, c => Assert.True(Inference.HidesAmongK(c, K), attacker.Describe(c)));
        Assert.All(attacker.ClauseStates(clauses[0]), c => Assert.NotNull(c["release"]));
    }

    [Fact]
    public async Task Channel3_HistoryAroundEachEventNeverNarrowsAChangeBelowK()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);

        await PlayAsync(dialogue, clauses[0], attacker);

        var attributions = await attacker.AttributionsFromHistoryAsync(clauses[0]);
        Assert.NotEmpty(attributions);
        Assert.All(attributions, c => Assert.True(Inference.HidesAmongK(c, K), attacker.Describe(c)));
    }

    [Fact]
    public async Task Channel5_PresenceNeverNarrowsAnArrivalOrDepartureBelowK()
    {
        var (dialogue, _) = await fixture.RoomAsync();
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);

        var arrivals = new List<HubClient>();
        foreach (var (who, _) in Script.Take(5))
        {
            var hub = await fixture.ConnectAsync(dialogue, who);
            await hub.JoinAsync(dialogue.Id);
            arrivals.Add(hub);
            await WaitForPresenceAsync(attacker, arrivals.Count + 1);
        }
        foreach (var hub in arrivals)
        {
            await hub.DisposeAsync();
            await WaitForPresenceAsync(attacker, arrivals.Count - arrivals.IndexOf(hub));
        }

        Assert.All(attacker.PresenceStates, p => Assert.Null(p["people"]));
        var attributions = attacker.AttributionsFromPresence();
        Assert.NotEmpty(attributions);
        Assert.All(attributions, c => Assert.True(Inference.HidesAmongK(c, K), attacker.Describe(c)));
    }

    [Fact]
    public async Task Channel7_AChairDemotedToObserverGetsNoLiveFiguresAfterTheDemotion()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var demoted = await RoomObserver.JoinAsync(fixture, dialogue, Facilitator);
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);

        var demotion = await dialogue.AcceptAsync(TestDialogue.ConvenerName,
            new UpdateMember(new Member(dialogue.IdOf(Facilitator), Facilitator, "Test", Role.Observer, ImmutableDictionary<string, string>.Empty)));
        await WaitForVersionAsync(demoted, demotion);
        var before = demoted.Timeline.Count;

        // Two changes: fewer than k, so nothing is released; a delegate sees none of it in figures.
        await ActAsync(dialogue, clauses[0], "Europe/Government", PositionKind.Block, attacker);
        await ActAsync(dialogue, clauses[0], "Global South/Industry", PositionKind.Support, attacker);
        await WaitForPendingAsync(demoted, clauses[0]);

        var after = demoted.Timeline.Skip(before).ToList();
        var figures = after.Where(s => s.Kind == "consensus").SelectMany(s => s.Payload["clauses"]!.AsArray()).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, c =>
        {
            Assert.NotNull(c!["release"]);
            Assert.Equal(0, c["dimensions"]!.AsArray().Sum(d => d!["total"]!["block"]!.GetValue<int>() + d["total"]!["support"]!.GetValue<int>()));
        });
        Assert.All(after.Where(s => s.Kind == "presence"), p => Assert.Null(p.Payload["people"]));
    }

    [Fact]
    public async Task Channel8_AModeChangeAfterPositionsIsRefusedAndExposesNothingEarlier()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);
        await PlayAsync(dialogue, clauses[0], attacker, Script.Take(4));

        var settings = (await dialogue.Convener.GetJsonAsync(dialogue.Url))["settings"]!.AsObject();
        settings["confidentiality"] = nameof(ConfidentialityMode.Attributed);
        var refused = await dialogue.Convener.PostRawAsync($"{dialogue.Url}/commands",
            new JsonObject { ["type"] = nameof(ChangeSettings), ["settings"] = settings.DeepClone() }.ToJsonString());
        var answer = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("dialogue.mode-only-stricter", answer["rule"]?.GetValue<string>() ?? answer["error"]?["rule"]?.GetValue<string>());

        Assert.Equal(nameof(ConfidentialityMode.ChathamHouse), (await dialogue[Attacker].GetJsonAsync(dialogue.Url))["settings"]!["confidentiality"]!.GetValue<string>());
        var log = (await attacker.EventsLogAsync()).Select(e => e!.ToJsonString()).ToList();
        foreach (var (who, _) in Script)
            Assert.DoesNotContain(log, e => e.Contains(dialogue.IdOf(who).ToString(), StringComparison.OrdinalIgnoreCase) && e.Contains("\"PositionTaken\"", StringComparison.Ordinal));
        var attributions = attacker.AttributionsFromPushes(clauses[0]);
        Assert.All(attributions, c => Assert.True(Inference.HidesAmongK(c, K), attacker.Describe(c)));
    }

    [Fact]
    public async Task Channel9_TheProjectorOpenedByTheFacilitatorShowsExactlyADelegatesFigures()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var projector = await RoomObserver.JoinAsync(fixture, dialogue, Facilitator, asRoom: true);
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);

        await PlayAsync(dialogue, clauses[0], attacker);
        await WaitForAsync(projector, () => projector.ClauseStates(clauses[0]).Count >= attacker.ClauseStates(clauses[0]).Count, "the projector's releases");

        // The room's screen: what a delegate receives, clause by clause, push by push.
        Assert.Equal(attacker.ClauseStates(clauses[0]).Select(c => Figures(c).ToJsonString()), projector.ClauseStates(clauses[0]).Select(c => Figures(c).ToJsonString()));
        var attributions = projector.AttributionsFromPushes(clauses[0]);
        Assert.NotEmpty(attributions);
        Assert.All(attributions, c => Assert.True(Inference.HidesAmongK(c, K), projector.Describe(c)));
        // Over HTTP too: the projector's refetch asks for the room's view.
        var byFacilitator = await dialogue[Facilitator].GetJsonAsync($"{dialogue.StatementUrl}/consensus?audience=room");
        var byDelegate = await dialogue[Attacker].GetJsonAsync($"{dialogue.StatementUrl}/consensus");
        Assert.Equal(Figures(ConsensusJson.Clause(byDelegate, clauses[0])).ToJsonString(), Figures(ConsensusJson.Clause(byFacilitator, clauses[0])).ToJsonString());
        // And no connection of the projector is counted as a person present.
        Assert.All(projector.PresenceStates, p => Assert.Null(p["people"]));
    }

    [Fact]
    public async Task Channel10_ReservationNotesReachTheRoomOnlyInsideReleasesSortedAndWithoutTimes()
    {
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);
        string[] notes = ["Only with a sunset clause", "Add independent audits", "Needs a review in two years"];

        for (var i = 0; i < notes.Length; i++)
        {
            var outcome = await dialogue.AcceptAsync(Script[i].Who, new TakePosition(clauses[0], 1, PositionKind.Oppose, notes[i]));
            await WaitForVersionAsync(attacker, outcome);
        }
        await WaitForAsync(attacker, () => attacker.ClauseStates(clauses[0]).Any(c => c["release"]?["notes"]?.AsArray().Count == notes.Length), "the release with its notes");

        var log = await attacker.EventsLogAsync();
        foreach (var note in notes)
        {
            Assert.All(attacker.Events.Concat(log.Select(e => e!.AsObject())).Where(e => e.ToJsonString().Contains(note, StringComparison.Ordinal)),
                e => Assert.Equal("FiguresReleased", e["type"]!.GetValue<string>()));
        }
        var released = attacker.ClauseStates(clauses[0]).Last(c => c["release"]?["notes"]?.AsArray().Count == notes.Length)["release"]!;
        Assert.Equal(notes.Order(StringComparer.Ordinal), released["notes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.All(released["notes"]!.AsArray(), n => Assert.Equal(System.Text.Json.JsonValueKind.String, n!.GetValueKind()));
    }

    [Fact]
    public async Task TheLogNamesNobodyWhoseChangeCompletedARelease()
    {
        // A threshold release commits with the change that completed it; were it recorded with that
        // delegate as its actor, every release would name one of its k changers to the whole room.
        var (dialogue, clauses) = await fixture.RoomAsync();
        await using var attacker = await RoomObserver.JoinAsync(fixture, dialogue, Attacker);

        await PlayAsync(dialogue, clauses[0], attacker);

        var log = (await attacker.EventsLogAsync()).Select(e => e!.AsObject()).Concat(attacker.Events).ToList();
        var releases = log.Where(e => (string?)e["type"] == "FiguresReleased").ToList();
        Assert.NotEmpty(releases);
        var others = attacker.Roster.Where(m => m.Id != attacker.Me).Select(m => m.Id.ToString()).ToHashSet();
        Assert.All(releases, e => Assert.DoesNotContain((string?)e["actor"] ?? "", others));
        // And nothing else she holds names another delegate as the actor of a statement event.
        Assert.All(log.Where(e => ((string?)e["streamId"])?.StartsWith("statement-", StringComparison.Ordinal) == true),
            e => Assert.DoesNotContain((string?)e["actor"] ?? "", others));
    }

    [Fact]
    public async Task Channel4_FoldedRowsFiguresDoNotChangeWhenTwoOfItsMembersSwapHistories()
    {
        // One dimension with two groups under k (East: 2, West: 1) folded together. Two rooms play
        // the same script except that E1 and W1 swap their entire histories: a delegate must not be
        // able to tell the rooms apart (every gac, share, needed of the folded row from the row).
        Dimension[] dimensions = [new("Region", ["North", "South", "East", "West"])];
        Seat[] seats =
        [
            new(Facilitator, Role.Facilitator),
            new(Rapporteur, Role.Rapporteur),
            .. new[] { "N1", "N2", "N3", "N4" }.Select(n => new Seat(n, Role.Delegate, ("Region", "North"))),
            .. new[] { "S1", "S2", "S3", "S4" }.Select(n => new Seat(n, Role.Delegate, ("Region", "South"))),
            new("E1", Role.Delegate, ("Region", "East")),
            new("E2", Role.Delegate, ("Region", "East")),
            new("W1", Role.Delegate, ("Region", "West")),
        ];
        async Task<JsonNode> PlayAsync((string Who, PositionKind Position)[] script)
        {
            using var room = await TestDialogue.CreateAsync(fixture.Server.NewClient, ConfidentialityMode.ChathamHouse, dimensions, seats);
            var clause = await room.ProposeClauseAsync(Rapporteur, "A clause both rooms vote on.");
            await room.SetPhaseAsync(Facilitator, Phase.Deliberation);
            foreach (var (who, position) in script)
                await room.TakePositionAsync(who, clause, position);
            await room.AcceptAsync(Facilitator, new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true));
            var figures = Figures(ConsensusJson.Clause(await room.ConsensusAsync("N2"), clause)).AsObject();
            // The one residual (docs/security.md): the clause's status is judged on the real groups.
            figures.Remove("status");
            return figures;
        }

        var roomA = await PlayAsync([("N1", PositionKind.Support), ("S1", PositionKind.Support), ("E1", PositionKind.Support), ("W1", PositionKind.Oppose)]);
        var roomB = await PlayAsync([("N1", PositionKind.Support), ("S1", PositionKind.Support), ("W1", PositionKind.Support), ("E1", PositionKind.Oppose)]);

        Assert.Equal(roomA.ToJsonString(), roomB.ToJsonString());
    }

    /// <summary>The script's changes, one at a time, each waited for at the attacker (its event, and a release if one came).</summary>
    private static async Task PlayAsync(TestDialogue dialogue, Guid clause, RoomObserver attacker, IEnumerable<(string Who, PositionKind Position)>? script = null)
    {
        foreach (var (who, position) in script ?? Script)
            await ActAsync(dialogue, clause, who, position, attacker);
        // What the consensus window holds back has gone out by now.
        await Task.Delay(400);
    }

    private static async Task ActAsync(TestDialogue dialogue, Guid clause, string who, PositionKind position, RoomObserver attacker)
    {
        var outcome = await dialogue.AcceptAsync(who, new TakePosition(clause, 1, position));
        await WaitForVersionAsync(attacker, outcome);
        // Past the consensus window, so each change would show on its own if the server pushed live figures.
        await Task.Delay(250);
    }

    private static Task WaitForVersionAsync(RoomObserver observer, JsonNode outcome)
    {
        var stream = outcome["streamId"]!.GetValue<string>();
        var version = outcome["version"]!.GetValue<long>();
        return WaitForAsync(observer, () => observer.Events.Any(e => e["streamId"]?.GetValue<string>() == stream && e["version"]!.GetValue<long>() >= version), $"{stream} v{version}");
    }

    private static Task WaitForPresenceAsync(RoomObserver observer, int present) =>
        WaitForAsync(observer, () => observer.PresenceStates.LastOrDefault()?["present"]?.GetValue<int>() == present, $"presence of {present}");

    private static Task WaitForPendingAsync(RoomObserver observer, Guid clause) =>
        WaitForAsync(observer, () => observer.ClauseStates(clause).LastOrDefault()?["release"]?["changesPending"]?.GetValue<bool>() == true, "changes pending");

    private static Task WaitForAsync(RoomObserver observer, Func<bool> condition, string what) =>
        Eventually.Async(condition, TimeSpan.FromSeconds(10), () => $"{what} did not reach {observer.Name}; seen: {string.Join(", ", observer.Timeline.Select(s => s.Kind))}", TimeSpan.FromMilliseconds(20));

    /// <summary>A clause's figures without what names the room it is in (ids) or when (release times, versions).</summary>
    private static JsonNode Figures(JsonNode clause)
    {
        var copy = clause.DeepClone().AsObject();
        copy.Remove("clauseId");
        if (copy["release"] is JsonObject release)
        {
            release.Remove("at");
            release.Remove("statementVersion");
        }
        return copy;
    }
}
