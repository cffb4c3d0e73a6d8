using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Deliberation.Server.Tests.Sessions;

/// <summary>
/// Issue 8's attacks on identity, played over real HTTP: nobody acts as anyone else, invites are
/// the server's and limited, sessions end with their invite, signatures are the roster's.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SessionAttackTests(ServerFixture fixture)
{
    private static readonly Dimension[] Dimensions = [new("Region", ["North", "South"])];

    private ServerFactory Server => fixture.Server;

    private Task<TestDialogue> VictimDialogueAsync() => TestDialogue.CreateAsync(Server, ConfidentialityMode.ChathamHouse, Dimensions,
        new Seat("Fran Facilitator", Role.Facilitator),
        new Seat("Rhea Rapporteur", Role.Rapporteur),
        new Seat("Vera Delegate", Role.Delegate, ("Region", "North")));

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    [Fact]
    public async Task AnAttackerCannotTakeOverAParticipantThroughADialogueOfHerOwn()
    {
        using var victim = await VictimDialogueAsync();
        var victimId = victim.Convener.ParticipantId;

        // The attacker holds an organiser account and creates her own dialogue, where she is the convener.
        using var attacker = await Server.NewOrganiserClientAsync();
        var own = (await attacker.PostOkAsync("/api/dialogues", new { title = "Decoy", convenerName = "Mallory" }))["id"]!.GetValue<Guid>();

        // She adds a member under the victim's participant id, on the command API and on the members endpoint.
        var takeover = new Member(victimId, "Ada Convener", null, Role.Delegate, ImmutableDictionary<string, string>.Empty);
        await Expect.RefusedAsync(await attacker.CommandAsync(own, new AddMember(takeover)), HttpStatusCode.BadRequest, "member.id-not-allowed");
        await Expect.RefusedAsync(await attacker.PostAsync($"/api/dialogues/{own}/members", new { displayName = "Ada", role = Role.Delegate, participantId = victimId }),
            HttpStatusCode.BadRequest, "member.id-not-allowed");

        // She issues an invite whose code she chose, for the victim's id.
        var code = "abc";
        await Expect.RefusedAsync(await attacker.CommandAsync(own, new IssueInvite(victimId, Hash(code), DateTimeOffset.UtcNow.AddDays(1))),
            HttpStatusCode.BadRequest, "invite.code-not-allowed");
        using var asVictim = Server.NewClient();
        await Expect.RefusedAsync(await asVictim.Http.PostAsync($"/api/invites/{code}/redeem", null), HttpStatusCode.NotFound, "invite.not-found");

        // Whatever her own dialogue's cookie holds, it is nobody in the victim's dialogue.
        await Expect.RefusedAsync(await attacker.GetAsync($"{victim.Url}/invites"), HttpStatusCode.Forbidden, "dialogue.not-a-member");
        await Expect.RefusedAsync(await attacker.CommandAsync(victim.Id, new AddAgendaItem(new AgendaItem(Guid.NewGuid(), "Hijacked", 10, null, null))),
            HttpStatusCode.Forbidden, "dialogue.not-a-member");
        Assert.Empty((await victim.Convener.GetJsonAsync(victim.Url))["agenda"]!.AsArray());
    }

    [Fact]
    public async Task AFacilitatorCannotRecordPositionsInADelegatesNameOnALiveDialogue()
    {
        using var dialogue = await VictimDialogueAsync();
        var clause = await dialogue.ProposeClauseAsync("Rhea Rapporteur", "No AI system should copy itself without human approval.");
        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Deliberation);
        await dialogue.TakePositionAsync("Vera Delegate", clause, PositionKind.StandAside);

        var forged = new RecordImportedPositions([new ImportedPosition(dialogue.IdOf("Vera Delegate"), clause, PositionKind.Block)]);
        await Expect.RefusedAsync(await dialogue.SendAsync("Fran Facilitator", forged), HttpStatusCode.BadRequest, "command.import-only");

        var hers = await dialogue["Vera Delegate"].GetJsonAsync(dialogue.StatementUrl);
        var mine = hers["clauses"]!.AsArray().Single(c => c!["id"]!.GetValue<Guid>() == clause)!["myPosition"]!;
        Assert.Equal("StandAside", mine["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInviteSignsInTwoBrowsersAndNoThird()
    {
        using var dialogue = await VictimDialogueAsync();
        var code = (await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members", new { displayName = "Li Wei", role = Role.Delegate }))["code"]!.GetValue<string>();

        using var laptop = Server.NewClient();
        using var phone = Server.NewClient();
        using var third = Server.NewClient();
        await laptop.RedeemAsync(code);
        await phone.RedeemAsync(code);
        await Expect.RefusedAsync(await third.Http.PostAsync($"/api/invites/{code}/redeem", null), HttpStatusCode.Forbidden, "invite.used-up");
        await Expect.RefusedAsync(await third.GetAsync(dialogue.Url), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task RevokingAnInviteEndsTheSessionsItStartedAndItCannotBeRedeemedAgain()
    {
        using var dialogue = await VictimDialogueAsync();
        var invite = await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members", new { displayName = "Li Wei", role = Role.Delegate });
        var code = invite["code"]!.GetValue<string>();
        using var member = Server.NewClient();
        await member.RedeemAsync(code);
        await member.GetJsonAsync(dialogue.Url);

        await Expect.OkAsync(await dialogue.Convener.Http.DeleteAsync($"{dialogue.Url}/invites/{Hash(code)}"));

        await Expect.RefusedAsync(await member.GetAsync(dialogue.Url), HttpStatusCode.Forbidden, "session.ended");
        await Expect.RefusedAsync(await member.CommandAsync(dialogue.Id, new RaiseHand()), HttpStatusCode.Forbidden, "session.ended");
        await Expect.RefusedAsync(await member.Http.PostAsync($"/api/invites/{code}/redeem", null), HttpStatusCode.Forbidden, "invite.revoked");
    }

    [Fact]
    public async Task ARemovedMembersSessionEndsAtOnce()
    {
        using var dialogue = await VictimDialogueAsync();
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new RemoveMember(dialogue.IdOf("Vera Delegate")));

        await Expect.RefusedAsync(await dialogue["Vera Delegate"].GetAsync(dialogue.Url), HttpStatusCode.Forbidden, "dialogue.not-a-member");
    }

    [Fact]
    public async Task AnOrganiserCannotChooseAnInvitesCodeOrAnExpiryBeyondTheDialoguesSetting()
    {
        using var dialogue = await VictimDialogueAsync();
        var vera = dialogue.IdOf("Vera Delegate");
        await Expect.RefusedAsync(await dialogue.SendAsync(TestDialogue.ConvenerName, new IssueInvite(vera, Hash("abc"), DateTimeOffset.MaxValue)),
            HttpStatusCode.BadRequest, "invite.code-not-allowed");

        var reissued = await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members/{vera}/invites", new { });
        var expires = reissued["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(29), DateTimeOffset.UtcNow.AddDays(30).AddMinutes(1));
        // 256 bits, url-safe.
        var code = reissued["code"]!.GetValue<string>();
        Assert.Equal(43, code.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", code);
    }

    [Fact]
    public async Task FollowingAnInviteLinkSignsNobodyInUntilTheButtonIsPressed()
    {
        using var dialogue = await VictimDialogueAsync();
        var code = (await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members", new { displayName = "Li Wei", role = Role.Delegate }))["code"]!.GetValue<string>();

        using var browser = Server.NewClient();
        var page = await browser.GetAsync($"/invite/{code}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<form method=\"post\" action=\"/invite/{code}\">", html);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        await Expect.RefusedAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "auth.required");
        // Fetching the page used none of the invite's two redemptions.
        for (var i = 0; i < 2; i++)
        {
            var pressed = await browser.Http.PostAsync($"/invite/{code}", null);
            Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
            Assert.Equal($"/dialogues/{dialogue.Id}", pressed.Headers.Location?.ToString());
        }
        await browser.GetJsonAsync(dialogue.Url);
    }

    [Fact]
    public async Task ABrowserSignedInToTwoDialoguesKeepsBoth()
    {
        using var first = await VictimDialogueAsync();
        using var second = await VictimDialogueAsync();
        var one = (await first.Convener.PostOkAsync($"{first.Url}/members", new { displayName = "Li Wei", role = Role.Delegate }))["code"]!.GetValue<string>();
        var two = (await second.Convener.PostOkAsync($"{second.Url}/members", new { displayName = "Li Wei", role = Role.Delegate }))["code"]!.GetValue<string>();

        using var browser = Server.NewClient();
        await browser.RedeemAsync(one);
        await browser.RedeemAsync(two);

        await browser.GetJsonAsync(first.Url);
        await browser.GetJsonAsync(second.Url);
        var mine = (await browser.GetJsonAsync("/api/dialogues")).AsArray().Select(d => d!["id"]!.GetValue<Guid>()).ToHashSet();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), mine.Order());
    }

    [Fact]
    public async Task TheRapporteurCannotSignUnderAnotherName()
    {
        using var dialogue = await VictimDialogueAsync();
        await dialogue.ProposeClauseAsync("Rhea Rapporteur", "No AI system should copy itself without human approval.");
        foreach (var phase in new[] { Phase.Deliberation, Phase.Drafting, Phase.FinalReading, Phase.Signing })
            await dialogue.SetPhaseAsync("Fran Facilitator", phase);
        await dialogue.AcceptAsync("Fran Facilitator", new FreezeStatement());
        var hash = (await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["frozen"]!["hash"]!.GetValue<string>();

        var body = new JsonObject { ["type"] = "Sign", ["name"] = "Yoshua Bengio", ["affiliation"] = "Mila", ["capacity"] = "Personal", ["textHash"] = hash };
        await Expect.AcceptedAsync(await dialogue["Rhea Rapporteur"].PostRawAsync($"{dialogue.StatementUrl}/commands", body.ToJsonString()));

        var signature = Assert.Single((await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["signatures"]!.AsArray())!;
        Assert.Equal("Rhea Rapporteur", signature["name"]!.GetValue<string>());
        Assert.Equal(dialogue.IdOf("Rhea Rapporteur"), signature["participantId"]!.GetValue<Guid>());
        var markdown = await (await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=md")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Yoshua Bengio", markdown);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionOnTheServerSoACopiedCookieStopsWorking()
    {
        using var dialogue = await VictimDialogueAsync();
        var code = (await dialogue.Convener.PostOkAsync($"{dialogue.Url}/members", new { displayName = "Li Wei", role = Role.Delegate }))["code"]!.GetValue<string>();
        using var raw = Server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var redeemed = await raw.PostAsync($"/api/invites/{code}/redeem", null);
        var cookie = redeemed.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        Task<HttpResponseMessage> SendAsync(HttpMethod method) =>
            raw.SendAsync(new HttpRequestMessage(method, dialogue.Url) { Headers = { { "Cookie", cookie } } });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get)).StatusCode);

        var signedOut = await raw.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{dialogue.Url}/session") { Headers = { { "Cookie", cookie } } });
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);

        // The same cookie, kept by whoever copied it, names a session that has ended.
        await Expect.RefusedAsync(await SendAsync(HttpMethod.Get), HttpStatusCode.Forbidden, "session.ended");
    }
}
