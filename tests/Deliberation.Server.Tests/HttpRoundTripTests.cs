using System.Net;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.ConsensusJson;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>The wire contract (docs/api.md) end to end over HTTP, with the matrix of docs/consensus.md worked by hand.</summary>
[Collection(ServerCollection.Name)]
public sealed class HttpRoundTripTests(ServerFixture fixture)
{
    private ServerFactory Server => fixture.Server;

    [Fact]
    public async Task HealthAnswersReadyOnTheTestsOwnDatabase()
    {
        using var client = Server.NewClient();
        var health = await client.GetJsonAsync("/health");
        Assert.Equal("ready", health["status"]!.GetValue<string>());
        // The settings reached Program before Build: the store is this fixture's own file.
        Assert.True(File.Exists(Server.DatabasePath));
    }

    [Fact]
    public async Task CreatingADialogueSignsTheConvenerInAndKeepsItsDimensions()
    {
        using var convener = await Server.NewOrganiserClientAsync();
        var response = await convener.PostAsync("/api/dialogues", new
        {
            title = "Venice dialogue",
            venue = "Venice",
            confidentiality = ConfidentialityMode.ChathamHouse,
            dimensions = Dimensions,
            convenerName = "Ada Convener",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Expect.OkAsync(response);
        var id = created["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/dialogues/{id}", response.Headers.Location?.OriginalString);

        var me = await convener.GetJsonAsync("/api/me");
        Assert.Equal(created["convenerId"]!.GetValue<Guid>(), me["participantId"]!.GetValue<Guid>());

        var dialogue = await convener.GetJsonAsync($"/api/dialogues/{id}");
        Assert.Equal("Venice dialogue", dialogue["settings"]!["title"]!.GetValue<string>());
        Assert.Equal("Setup", dialogue["phase"]!.GetValue<string>());
        Assert.Equal("ChathamHouse", dialogue["settings"]!["confidentiality"]!.GetValue<string>());
        var dimensions = dialogue["dimensions"]!.AsArray();
        Assert.Equal(["Region", "Sector"], dimensions.Select(d => d!["name"]!.GetValue<string>()));
        Assert.Equal(["North", "South"], dimensions[0]!["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("Convener", dialogue["you"]!["role"]!.GetValue<string>());

        var mine = (await convener.GetJsonAsync("/api/dialogues")).AsArray();
        Assert.Contains(mine, d => d!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task MembersAreAddedWithInvitesWhoseLinksSignThemIn()
    {
        using var convener = await Server.NewOrganiserClientAsync();
        var id = (await convener.PostOkAsync("/api/dialogues", new { title = "Invites", dimensions = Dimensions, convenerName = "Ada" }))["id"]!.GetValue<Guid>();

        var invite = await convener.PostOkAsync($"/api/dialogues/{id}/members", new
        {
            displayName = "Li Wei",
            affiliation = "Tsinghua University",
            role = Role.Delegate,
            groups = new Dictionary<string, string> { ["Region"] = "North", ["Sector"] = "Academia" },
        });
        var code = invite["code"]!.GetValue<string>();
        var participantId = invite["participantId"]!.GetValue<Guid>();
        Assert.EndsWith($"/invite/{code}", invite["link"]!.GetValue<string>());
        // The link opens a page before the app and its language picker: it speaks both languages, and
        // opening it signs nobody in (the button posts).
        using (var opener = Server.NewClient())
        {
            var page = await opener.Http.GetStringAsync($"/invite/{code}");
            Assert.Contains("Join the dialogue", page, StringComparison.Ordinal);
            Assert.Contains("<span lang=\"zh-Hans\">加入对话</span>", page, StringComparison.Ordinal);
            Assert.Contains("<p lang=\"zh-Hans\">", page, StringComparison.Ordinal);
        }

        using var delegateClient = Server.NewClient();
        var redeemed = await delegateClient.RedeemAsync(code);
        Assert.Equal(participantId, redeemed["participantId"]!.GetValue<Guid>());
        Assert.Equal(id, redeemed["dialogueId"]!.GetValue<Guid>());
        Assert.Equal("Delegate", redeemed["role"]!.GetValue<string>());

        var seen = await delegateClient.GetJsonAsync($"/api/dialogues/{id}");
        Assert.Equal(participantId, seen["you"]!["participantId"]!.GetValue<Guid>());
        Assert.Equal("North", seen["you"]!["groups"]!["Region"]!.GetValue<string>());
        Assert.Equal("Academia", seen["you"]!["groups"]!["Sector"]!.GetValue<string>());
        Assert.Contains(seen["roster"]!.AsArray(), m => m!["displayName"]!.GetValue<string>() == "Li Wei");

        // A code that was never issued signs nobody in.
        using var stranger = Server.NewClient();
        await Expect.RefusedAsync(await stranger.Http.PostAsync("/api/invites/not-a-real-code/redeem", null), HttpStatusCode.NotFound, "invite.not-found");
    }

    [Fact]
    public async Task RapporteurDraftsInSetupAndTheFacilitatorOpensDeliberation()
    {
        using var dialogue = await CreateAsync(Server);
        var first = await dialogue.ProposeClauseAsync(Rapporteur, "No AI system should copy itself without human approval.", ClauseKind.RedLine);
        var second = await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, "At least [one third | 20%] of AI R&D should go to safety.", ClauseKind.FundingFloor);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);

        var statement = await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl);
        Assert.Equal("Joint statement", statement["title"]!.GetValue<string>());
        var clauses = statement["clauses"]!.AsArray();
        Assert.Equal([first, second], clauses.Select(c => c!["id"]!.GetValue<Guid>()));
        Assert.Equal("RedLine", clauses[0]!["kind"]!.GetValue<string>());
        Assert.Equal(1, clauses[0]!["revision"]!.GetValue<int>());
        Assert.Equal("No AI system should copy itself without human approval.", clauses[0]!["text"]!.GetValue<string>());
        var options = clauses[1]!["slots"]!.AsArray().Single()!["options"]!.AsArray();
        Assert.Equal(["one third", "20%"], options.Select(o => o!["text"]!.GetValue<string>()));

        var dialogueView = await dialogue["N1"].GetJsonAsync(dialogue.Url);
        Assert.Equal("Deliberation", dialogueView["phase"]!.GetValue<string>());
        Assert.Equal([dialogue.StatementId], dialogueView["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task CommandWrittenAsLiteralWireJsonIsAcceptedWithItsStreamVersion()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "A clause.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        var before = await dialogue.StatementVersionAsync();

        var response = await dialogue["N1"].PostRawAsync($"{dialogue.StatementUrl}/commands",
            $$"""{"type":"TakePosition","clauseId":"{{clause}}","revision":1,"position":"Support","note":"With a note."}""");

        var outcome = await Expect.AcceptedAsync(response);
        Assert.Equal(before + 1, outcome["version"]!.GetValue<long>());
        Assert.Equal($"statement-{dialogue.StatementId:N}", outcome["streamId"]!.GetValue<string>());
        Assert.Null(outcome["error"]);
        var mine = (await dialogue["N1"].GetJsonAsync(dialogue.StatementUrl))["clauses"]![0]!["myPosition"]!;
        Assert.Equal("Support", mine["kind"]!.GetValue<string>());
        Assert.Equal("With a note.", mine["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConsensusShowsTheHandWorkedCountsSharesNeedsAndStatus()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "Models above a capability threshold should be registered.", ClauseKind.GovernanceProposal);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        await TakeNearConsensusPositionsAsync(dialogue, clause);

        var c = Clause(await dialogue.ConsensusAsync(), clause);

        // North: S1 A1 O1, N4 silent. responded 3 ≥ ceil(0.5 × 4) = 2; share 2/3 ≥ 2/3: meets.
        AssertGroup(Group(c, "Region", "North"), members: 4, support: 1, accept: 1, standAside: 0, oppose: 1, block: 0, silent: 1, share: 2.0 / 3, meets: true, needed: 0);
        // South: S2 X1. share 2/2 (stand-aside is not in the denominator).
        AssertGroup(Group(c, "Region", "South"), members: 3, support: 2, accept: 0, standAside: 1, oppose: 0, block: 0, silent: 0, share: 1, meets: true, needed: 0);
        AssertGroup(Group(c, "Sector", "Academia"), members: 3, support: 2, accept: 1, standAside: 0, oppose: 0, block: 0, silent: 0, share: 1, meets: true, needed: 0);
        // Industry: S1 X1 O1, N4 silent. share 1/2 < 2/3; one opposer moving gives 2/2: needed 1.
        AssertGroup(Group(c, "Sector", "Industry"), members: 4, support: 1, accept: 0, standAside: 1, oppose: 1, block: 0, silent: 1, share: 0.5, meets: false, needed: 1);
        AssertGroup(Dimension(c, "Region")["total"]!, members: 7, support: 3, accept: 1, standAside: 1, oppose: 1, block: 0, silent: 1, share: 0.8, meets: true, needed: 0);

        // Every failing group needs at most one more: NearConsensus.
        Assert.Equal("NearConsensus", Status(c));
        // GAC = Π (A+1)/(S+2) over North (2,3), South (2,3), Academia (3,3), Industry (1,3).
        const double gac = 3.0 / 5 * (3.0 / 5) * (4.0 / 5) * (2.0 / 5);
        Assert.Equal(gac, c["gac"]!.GetValue<double>(), 12);
        Assert.Equal(Math.Pow(gac, 1.0 / 4), c["gacGeometricMean"]!.GetValue<double>(), 12);
        Assert.Equal(1, c["revision"]!.GetValue<int>());

        // N3 moves to Support: Industry 2/2 decided agree, every group meets the rule.
        await dialogue.TakePositionAsync("N3", clause, PositionKind.Support);
        c = Clause(await dialogue.ConsensusAsync(), clause);
        Assert.Equal("Agreed", Status(c));
        AssertGroup(Group(c, "Sector", "Industry"), members: 4, support: 2, accept: 0, standAside: 1, oppose: 0, block: 0, silent: 1, share: 1, meets: true, needed: 0);

        // One Block vetoes, whatever the shares.
        await dialogue.TakePositionAsync("N4", clause, PositionKind.Block);
        c = Clause(await dialogue.ConsensusAsync(), clause);
        Assert.Equal("Blocked", Status(c));
        // North: S2 A1 B1; share 3/4 but a block fails the rule, and the blocker must move: needed 1.
        AssertGroup(Group(c, "Region", "North"), members: 4, support: 2, accept: 1, standAside: 0, oppose: 0, block: 1, silent: 0, share: 0.75, meets: false, needed: 1);
    }

    [Fact]
    public async Task ClauseIsGatheringUntilEveryGroupReachesQuorumThenContestedAndUntouchedClauseIsPending()
    {
        using var dialogue = await CreateAsync(Server);
        var contested = await dialogue.ProposeClauseAsync(Rapporteur, "Contested clause.");
        var untouched = await dialogue.ProposeClauseAsync(Rapporteur, "Nobody has read this yet.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        foreach (var delegateName in new[] { "N1", "N2", "N3" })
            await dialogue.TakePositionAsync(delegateName, contested, PositionKind.Oppose);

        var consensus = await dialogue.ConsensusAsync();
        var c = Clause(consensus, contested);
        // South: nobody responded; quorum is ceil(0.5 × 3) = 2, so two must come in agreeing — and until
        // South has reached its quorum the clause is still gathering positions, not contested.
        Assert.Equal("Gathering", Status(c));
        Assert.Equal(2, Group(c, "Region", "South")["needed"]!.GetValue<int>());

        foreach (var delegateName in new[] { "S1", "S2" })
            await dialogue.TakePositionAsync(delegateName, contested, PositionKind.Oppose);
        consensus = await dialogue.ConsensusAsync();
        c = Clause(consensus, contested);
        // Every group has reached its quorum (Industry: N3 and S2 of four). North: O3 and one silent, share 0:
        // two opposers must move (2 of 3 decided agree ≥ 2/3); South O2: both must move.
        Assert.Equal("Contested", Status(c));
        Assert.Equal(2, Group(c, "Region", "North")["needed"]!.GetValue<int>());
        Assert.Equal(2, Group(c, "Region", "South")["needed"]!.GetValue<int>());
        Assert.Equal("Pending", Status(Clause(consensus, untouched)));
        Assert.False(consensus["hasConsensus"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SubstantiveRevisionMakesEarlierPositionsStaleUntilReconfirmed()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "Original text.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        await TakeNearConsensusPositionsAsync(dialogue, clause);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Drafting);
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, "Revised text.", RevisionKind.Substantive, "Tightened"));

        var c = Clause(await dialogue.ConsensusAsync(), clause);
        Assert.Equal(2, c["revision"]!.GetValue<int>());
        AssertGroup(Group(c, "Region", "North"), members: 4, support: 0, accept: 0, standAside: 0, oppose: 0, block: 0, silent: 1, share: null, meets: false, needed: 2, stale: 3);
        Assert.Equal("Pending", Status(c));

        // Reconfirming on the new revision counts again; a position on the old one is refused.
        await Expect.RefusedAsync(await dialogue.SendAsync("N1", new TakePosition(clause, 1, PositionKind.Support)), HttpStatusCode.Conflict, "position.stale-revision");
        await dialogue.TakePositionAsync("N1", clause, PositionKind.Support, revision: 2);
        c = Clause(await dialogue.ConsensusAsync(), clause);
        AssertGroup(Group(c, "Region", "North"), members: 4, support: 1, accept: 0, standAside: 0, oppose: 0, block: 0, silent: 1, share: 1, meets: false, needed: 1, stale: 2);
        Assert.True((await dialogue["N2"].GetJsonAsync(dialogue.StatementUrl))["clauses"]![0]!["myPositionIsStale"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConsensusAtAnEarlierMomentReturnsTheMatrixAsItWasThen()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "A clause that will be blocked.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        var beforeAnyPosition = await MomentAsync();
        await TakeNearConsensusPositionsAsync(dialogue, clause);
        var beforeTheBlock = await MomentAsync();
        await dialogue.TakePositionAsync("N4", clause, PositionKind.Block);

        Assert.Equal("Blocked", Status(Clause(await dialogue.ConsensusAsync(), clause)));

        var then = await dialogue.ConsensusAsync(at: beforeTheBlock);
        var c = Clause(then, clause);
        Assert.Equal("NearConsensus", Status(c));
        AssertGroup(Group(c, "Region", "North"), members: 4, support: 1, accept: 1, standAside: 0, oppose: 1, block: 0, silent: 1, share: 2.0 / 3, meets: true, needed: 0);
        AssertGroup(Group(c, "Sector", "Industry"), members: 4, support: 1, accept: 0, standAside: 1, oppose: 1, block: 0, silent: 1, share: 0.5, meets: false, needed: 1);
        Assert.Equal(DateTimeOffset.Parse(beforeTheBlock, System.Globalization.CultureInfo.InvariantCulture), then["at"]!.GetValue<DateTimeOffset>());

        var start = Clause(await dialogue.ConsensusAsync(at: beforeAnyPosition), clause);
        Assert.Equal("Pending", Status(start));
        AssertGroup(Group(start, "Region", "North"), members: 4, support: 0, accept: 0, standAside: 0, oppose: 0, block: 0, silent: 4, share: null, meets: false, needed: 2);

        await Expect.RefusedAsync(await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/consensus?at=yesterday"), HttpStatusCode.BadRequest, "consensus.bad-time");
    }

    [Fact]
    public async Task EventsLogReturnsEverythingInOrderAndAfterAPositionOnlyWhatCameLater()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "A clause.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        await dialogue.TakePositionAsync("N1", clause, PositionKind.Support);

        var (all, next) = await dialogue.EventsAsync();
        var types = all.Select(e => e!["type"]!.GetValue<string>()).ToList();
        Assert.Equal("DialogueCreated", types[0]);
        Assert.Equal(Seats.Length, types.Count(t => t == "MemberAdded"));
        Assert.Equal(Seats.Length, types.Count(t => t == "InviteIssued"));
        Assert.Equal(["StatementAdded", "StatementCreated", "ClauseAdded", "PhaseChanged", "PositionTaken"], types.Skip(1 + 2 * Seats.Length));
        var positions = all.Select(e => e!["logPosition"]!.GetValue<long>()).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions[^1], next);
        foreach (var stream in all.GroupBy(e => e!["streamId"]!.GetValue<string>()))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(e => e!["version"]!.GetValue<long>()));
        var taken = all[^1]!;
        Assert.Equal(dialogue.IdOf("N1"), taken["participantId"]!.GetValue<Guid>());
        Assert.Equal(clause, taken["clauseId"]!.GetValue<Guid>());
        Assert.Equal("Support", taken["position"]!.GetValue<string>()); // the log's own fields never overwrite an event's

        await dialogue.TakePositionAsync("N2", clause, PositionKind.Oppose);
        await dialogue.AcceptAsync("S1", new RaiseHand());
        var (later, laterNext) = await dialogue.EventsAsync(after: next);
        Assert.Equal(["PositionTaken", "HandRaised"], later.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(dialogue.IdOf("N2"), later[0]!["participantId"]!.GetValue<Guid>());
        Assert.All(later, e => Assert.True(e!["logPosition"]!.GetValue<long>() > next));
        Assert.Equal(later[^1]!["logPosition"]!.GetValue<long>(), laterNext);

        var (none, unchanged) = await dialogue.EventsAsync(after: laterNext);
        Assert.Empty(none);
        Assert.Equal(laterNext, unchanged);
    }

    [Fact]
    public async Task StatementExportsAsMarkdownHtmlAndJsonWithStatusesAndNoNames()
    {
        using var dialogue = await CreateAsync(Server);
        var clause = await dialogue.ProposeClauseAsync(Rapporteur, "Developers should <script>alert(1)</script> register models.");
        await dialogue.SetPhaseAsync(Facilitator, Phase.Deliberation);
        await TakeNearConsensusPositionsAsync(dialogue, clause);

        var markdown = await (await dialogue["N1"].GetAsync($"{dialogue.StatementUrl}/export?format=md")).Content.ReadAsStringAsync();
        Assert.Contains("# Joint statement", markdown);
        // The compilation notes the status in the room's words, never the enum's name.
        Assert.Contains("Near consensus", markdown);
        Assert.DoesNotContain("NearConsensus", markdown);
        var html = await dialogue["N1"].GetAsync($"{dialogue.StatementUrl}/export?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;", page);
        var json = await dialogue["N1"].GetJsonAsync($"{dialogue.StatementUrl}/export?format=json");
        Assert.Equal("Joint statement", json["statement"]!.GetValue<string>());
        foreach (var name in new[] { "N1", "N2", "N3", "S1" })
            Assert.DoesNotContain(dialogue.IdOf(name).ToString(), markdown + page + json.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        await Expect.RefusedAsync(await dialogue["N1"].GetAsync($"{dialogue.StatementUrl}/export?format=exe"), HttpStatusCode.BadRequest, "export.unknown-format");
    }

    /// <summary>A moment strictly between the events before and after it, as ISO-8601.</summary>
    private static async Task<string> MomentAsync()
    {
        await Task.Delay(30);
        var moment = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(30);
        return moment;
    }

    private static void AssertGroup(JsonNode group, int members, int support, int accept, int standAside, int oppose, int block, int silent, double? share, bool meets, int needed, int stale = 0)
    {
        var name = group["group"]!.GetValue<string>();
        Assert.Equal((name, members, support, accept, standAside, oppose, block, stale, silent),
            (name, group["members"]!.GetValue<int>(), group["support"]!.GetValue<int>(), group["accept"]!.GetValue<int>(),
             group["standAside"]!.GetValue<int>(), group["oppose"]!.GetValue<int>(), group["block"]!.GetValue<int>(),
             group["stale"]!.GetValue<int>(), group["silent"]!.GetValue<int>()));
        if (share is null)
            Assert.Null(group["share"]);
        else
            Assert.Equal(share.Value, group["share"]!.GetValue<double>(), 12);
        Assert.Equal((name, meets, needed), (name, group["meetsRule"]!.GetValue<bool>(), group["needed"]!.GetValue<int>()));
    }
}
