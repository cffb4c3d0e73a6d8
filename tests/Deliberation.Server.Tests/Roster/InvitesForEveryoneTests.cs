using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Roster;

/// <summary>docs/api.md, "Every invite at once": one answer with every link that works, and a reissue that revokes the old.</summary>
[Collection(ServerCollection.Name)]
public sealed class InvitesForEveryoneTests(ServerFixture fixture)
{
    private static readonly Dimension[] Dimensions = [new("Region", ["China", "Europe"])];

    private ServerFactory Server => fixture.Server;

    private static async Task<TestDialogue> WithImportedRosterAsync(ServerFactory server)
    {
        var dialogue = await TestDialogue.CreateAsync(server, ConfidentialityMode.ChathamHouse, Dimensions, new Seat("Dee", Role.Delegate, ("Region", "Europe")));
        await Expect.OkAsync(await dialogue.Convener.Http.PostAsync($"{dialogue.Url}/members/import",
            new StringContent("name,affiliation,role,Region\n张伟,清华大学,delegate,China\nEve,\"'=Formula, Inc.\",observer,\nAda,Oxford,rapporteur,Europe\n", Encoding.UTF8, "text/csv")));
        return dialogue;
    }

    [Fact]
    public async Task EveryMemberWithoutALiveInviteGetsAWorkingLinkInOneAnswer()
    {
        using var dialogue = await WithImportedRosterAsync(Server);

        var answer = await dialogue.Convener.PostOkAsync($"{dialogue.Url}/invites/everyone", new { });

        // Dee holds a live invite (she joined with it) and the convener is signed in: neither gets one.
        var invites = answer["invites"]!.AsArray();
        Assert.Equal(["Ada", "Eve", "张伟"], invites.Select(i => i!["displayName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(0, answer["revoked"]!.GetValue<int>());
        Assert.All(invites, i => Assert.StartsWith("data:image/png;base64,", i!["qrCode"]!.GetValue<string>()));
        var zhang = invites.Single(i => i!["displayName"]!.GetValue<string>() == "张伟")!;
        var code = new Uri(zhang["link"]!.GetValue<string>()).Segments[^1];
        using var client = Server.NewClient();
        Assert.Equal("张伟", (await client.RedeemAsync(code))["displayName"]!.GetValue<string>());

        // The CSV has the same people and links, the formula-like affiliation guarded.
        var csv = answer["csv"]!.GetValue<string>().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,affiliation,role,link,expires", csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.Contains(csv, line => line.StartsWith("Eve,\"'=Formula, Inc.\",observer,http", StringComparison.Ordinal));
        Assert.Contains(csv, line => line.Contains(zhang["link"]!.GetValue<string>(), StringComparison.Ordinal));

        // Asked again, nobody lacks a live invite.
        Assert.Empty((await dialogue.Convener.PostOkAsync($"{dialogue.Url}/invites/everyone", new { }))["invites"]!.AsArray());
    }

    [Fact]
    public async Task ReissuingForEveryoneRevokesTheOldLinks()
    {
        using var dialogue = await WithImportedRosterAsync(Server);
        var first = await dialogue.Convener.PostOkAsync($"{dialogue.Url}/invites/everyone", new { });
        var oldCode = new Uri(first["invites"]![0]!["link"]!.GetValue<string>()).Segments[^1];

        var again = await dialogue.Convener.PostOkAsync($"{dialogue.Url}/invites/everyone", new { reissueAll = true });

        // Everyone but the convener: the three imported and Dee; their four old invites are revoked.
        Assert.Equal(4, again["invites"]!.AsArray().Count);
        Assert.Equal(4, again["revoked"]!.GetValue<int>());
        using var stale = Server.NewClient();
        await Expect.RefusedAsync(await stale.Http.PostAsync($"/api/invites/{oldCode}/redeem", null), HttpStatusCode.Forbidden, "invite.revoked");
        var newCode = new Uri(again["invites"]![0]!["link"]!.GetValue<string>()).Segments[^1];
        using var fresh = Server.NewClient();
        await fresh.RedeemAsync(newCode);
    }

    [Fact]
    public async Task OnlyOrganisersIssueEveryonesInvites()
    {
        using var dialogue = await WithImportedRosterAsync(Server);

        await Expect.RefusedAsync(await dialogue["Dee"].PostAsync($"{dialogue.Url}/invites/everyone", new { }), HttpStatusCode.Forbidden, "role.not-organiser");
    }
}
