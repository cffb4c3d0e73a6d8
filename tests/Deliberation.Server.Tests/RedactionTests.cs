using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.ConsensusJson;

namespace Deliberation.Server.Tests;

/// <summary>docs/domain.md's confidentiality modes as the server enforces them over HTTP.</summary>
[Collection(ServerCollection.Name)]
public sealed class RedactionTests(ServerFixture fixture)
{
    private const string Chair = "Chair";

    /// <summary>
    /// Region = {Large (3), Medium (3), Tiny (1), Small (2)}: Tiny and Small are under k = 3 and
    /// together hold 3 members in 2 groups, so exactly they fold into "Other groups".
    /// </summary>
    private static Task<TestDialogue> CreateAsync(ServerFactory server, ConfidentialityMode mode) =>
        TestDialogue.CreateAsync(server, mode, [new Dimension("Region", ["Large", "Medium", "Tiny", "Small"])],
            new Seat(Chair, Role.Facilitator),
            new Seat("L1", Role.Delegate, ("Region", "Large")),
            new Seat("L2", Role.Delegate, ("Region", "Large")),
            new Seat("L3", Role.Delegate, ("Region", "Large")),
            new Seat("M1", Role.Delegate, ("Region", "Medium")),
            new Seat("M2", Role.Delegate, ("Region", "Medium")),
            new Seat("M3", Role.Delegate, ("Region", "Medium")),
            new Seat("T1", Role.Delegate, ("Region", "Tiny")),
            new Seat("S1", Role.Delegate, ("Region", "Small")),
            new Seat("S2", Role.Delegate, ("Region", "Small")));

    private static async Task<Guid> PositionsAsync(TestDialogue dialogue)
    {
        var clause = await dialogue.ProposeClauseAsync(Chair, "A clause.");
        await dialogue.SetPhaseAsync(Chair, Phase.Deliberation);
        await dialogue.TakePositionAsync("L1", clause, PositionKind.Support);
        await dialogue.TakePositionAsync("M1", clause, PositionKind.Accept);
        await dialogue.TakePositionAsync("T1", clause, PositionKind.Oppose);
        await dialogue.TakePositionAsync("S1", clause, PositionKind.Support);
        await dialogue.TakePositionAsync("S2", clause, PositionKind.StandAside);
        // Delegates see figures as released: the first three changes released themselves (k = 3);
        // the chair shows the room the last two, so a delegate's matrix holds all five.
        await dialogue.AcceptAsync(Chair, new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true));
        return clause;
    }

    [Fact]
    public async Task ChathamHouseDelegateSeesGroupsUnderKFoldedIntoOtherGroups()
    {
        using var dialogue = await CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse);
        var clause = await PositionsAsync(dialogue);

        var seen = Clause(await dialogue.ConsensusAsync("L1"), clause);

        Assert.Equal(["Large", "Medium", "Other groups"], GroupNames(seen, "Region"));
        var other = Group(seen, "Region", "Other groups");
        Assert.Equal(["Small", "Tiny"], other["foldedGroups"]!.AsArray().Select(g => g!.GetValue<string>()).Order(StringComparer.Ordinal));
        // Tiny (O1) + Small (S1 X1): 3 members, share 1/2.
        Assert.Equal((3, 1, 1, 1, 0), (other["members"]!.GetValue<int>(), other["support"]!.GetValue<int>(),
            other["standAside"]!.GetValue<int>(), other["oppose"]!.GetValue<int>(), other["silent"]!.GetValue<int>()));
        Assert.Equal(0.5, other["share"]!.GetValue<double>(), 12);
        // The one-person group cannot be read off: nothing in the body names it as a row of its own.
        Assert.DoesNotContain(Dimension(seen, "Region")["groups"]!.AsArray(), g => g!["group"]!.GetValue<string>() is "Tiny" or "Small");
    }

    [Fact]
    public async Task ChathamHouseFacilitatorAndConvenerSeeEveryGroup()
    {
        using var dialogue = await CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse);
        var clause = await PositionsAsync(dialogue);

        foreach (var who in new[] { Chair, TestDialogue.ConvenerName })
        {
            var seen = Clause(await dialogue.ConsensusAsync(who), clause);
            Assert.Equal(["Large", "Medium", "Tiny", "Small"], GroupNames(seen, "Region"));
            var tiny = Group(seen, "Region", "Tiny");
            Assert.Equal((1, 1), (tiny["members"]!.GetValue<int>(), tiny["oppose"]!.GetValue<int>()));
        }
        // Folding keeps the clause's status (the real groups'); the room's gac is its rows' (docs/consensus.md).
        var delegateView = Clause(await dialogue.ConsensusAsync("L1"), clause);
        var chairView = Clause(await dialogue.ConsensusAsync(Chair), clause);
        Assert.Equal(Status(chairView), Status(delegateView));
        var rows = Dimension(delegateView, "Region")["groups"]!.AsArray().Where(g => g!["members"]!.GetValue<int>() > 0);
        var shownGac = rows.Aggregate(1.0, (p, g) =>
            p * (g!["support"]!.GetValue<int>() + g["accept"]!.GetValue<int>() + 1.0)
              / (g["support"]!.GetValue<int>() + g["accept"]!.GetValue<int>() + g["standAside"]!.GetValue<int>() + g["oppose"]!.GetValue<int>() + g["block"]!.GetValue<int>() + 2.0));
        Assert.Equal(shownGac, delegateView["gac"]!.GetValue<double>(), 12);
    }

    [Fact]
    public async Task AttributedModeShowsEveryGroupToDelegates()
    {
        using var dialogue = await CreateAsync(fixture.Server, ConfidentialityMode.Attributed);
        var clause = await PositionsAsync(dialogue);
        Assert.Equal(["Large", "Medium", "Tiny", "Small"], GroupNames(Clause(await dialogue.ConsensusAsync("L1"), clause), "Region"));
        var (events, _) = await dialogue.EventsAsync("L1");
        Assert.All(events.Where(e => e!["type"]!.GetValue<string>() == "PositionTaken"), e => Assert.NotNull(e!["participantId"]));
    }

    [Fact]
    public async Task ChathamHouseEventsLogHidesWhoTookOtherDelegatesPositions()
    {
        using var dialogue = await CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse);
        await PositionsAsync(dialogue);

        var (events, _) = await dialogue.EventsAsync("S1");
        var statementStream = StreamIds.Statement(dialogue.StatementId);
        // Her own position whole, with its salt; the other four only as opaque entries of the chain.
        var own = Assert.Single(events, e => e!["type"]!.GetValue<string>() == "PositionTaken")!;
        Assert.Equal(dialogue.IdOf("S1"), own["participantId"]!.GetValue<Guid>());
        Assert.Equal(dialogue.IdOf("S1"), own["actor"]!.GetValue<Guid>());
        Assert.NotNull(own["eventHash"]);
        Assert.NotNull(own["salt"]);
        var hidden = events.Where(e => e!["type"]!.GetValue<string>() == "Hidden" && e["streamId"]!.GetValue<string>() == statementStream).ToList();
        Assert.Equal(4, hidden.Count);
        foreach (var other in hidden)
            Assert.Equal(["eventHash", "leaf", "logPosition", "streamId", "type", "version"], other!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        // No other entry carries an id of who took them.
        var others = new System.Text.Json.Nodes.JsonArray([.. hidden.Select(e => e!.DeepClone())]).ToJsonString();
        foreach (var name in new[] { "L1", "M1", "T1", "S2" })
            Assert.DoesNotContain(dialogue.IdOf(name).ToString(), others, StringComparison.OrdinalIgnoreCase);
        // Invites are for organisers only.
        Assert.DoesNotContain(events, e => e!["type"]!.GetValue<string>() is "InviteIssued" or "InviteRevoked");

        var (chairLog, _) = await dialogue.EventsAsync(Chair);
        Assert.Equal(5, chairLog.Count(e => e!["type"]!.GetValue<string>() == "PositionTaken"));
        Assert.All(chairLog.Where(e => e!["type"]!.GetValue<string>() == "PositionTaken"), e =>
        {
            Assert.NotNull(e!["participantId"]);
            Assert.NotNull(e["actor"]);
            Assert.NotNull(e["eventHash"]);
            Assert.NotNull(e["salt"]);
        });
    }

    [Fact]
    public async Task AnonymousModeFoldsAndHidesNamesEvenFromTheFacilitator()
    {
        using var dialogue = await CreateAsync(fixture.Server, ConfidentialityMode.Anonymous);
        var clause = await PositionsAsync(dialogue);
        Assert.Equal(["Large", "Medium", "Other groups"], GroupNames(Clause(await dialogue.ConsensusAsync(Chair), clause), "Region"));
        var (events, _) = await dialogue.EventsAsync(Chair);
        // The facilitator took none of them: every position reaches her only as an opaque entry.
        Assert.DoesNotContain(events, e => e!["type"]!.GetValue<string>() == "PositionTaken");
        Assert.Equal(5, events.Count(e => e!["type"]!.GetValue<string>() == "Hidden" && e["streamId"]!.GetValue<string>() == StreamIds.Statement(dialogue.StatementId)));
    }
}
