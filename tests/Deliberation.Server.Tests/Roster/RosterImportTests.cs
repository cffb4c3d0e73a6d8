using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Roster;

/// <summary>docs/api.md, "Roster by file": an import over HTTP is all or nothing, and only the convener imports.</summary>
[Collection(ServerCollection.Name)]
public sealed class RosterImportTests(ServerFixture fixture)
{
    private static readonly Dimension[] Dimensions = [new("Region", ["China", "Europe"]), new("Sector", ["Academia", "Industry"])];

    private ServerFactory Server => fixture.Server;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task GoodFileAddsEveryMemberInOneCommit()
    {
        using var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.ChathamHouse, Dimensions);
        var version = await dialogue.DialogueVersionAsync();

        var imported = await Expect.OkAsync(await dialogue.Convener.Http.PostAsync($"{dialogue.Url}/members/import",
            Csv("Name,Affiliation,Role,REGION,sector\n张伟,清华大学,delegate,China,Academia\nAda Lovelace,Analytical Society,rapporteur,europe,\n")));

        Assert.Equal(["张伟", "Ada Lovelace"], imported["members"]!.AsArray().Select(m => m!["displayName"]!.GetValue<string>()));
        var roster = (await dialogue.Convener.GetJsonAsync(dialogue.Url))["roster"]!.AsArray();
        var zhang = roster.Single(m => m!["displayName"]!.GetValue<string>() == "张伟")!;
        Assert.Equal("清华大学", zhang["affiliation"]!.GetValue<string>());
        Assert.Equal("China", zhang["groups"]!["Region"]!.GetValue<string>());
        // Two members, one append: the batch is one commit.
        Assert.Equal(version + 2, await dialogue.DialogueVersionAsync());
    }

    [Fact]
    public async Task FileWithOneBadRowStoresNothingAndNamesTheRow()
    {
        using var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.ChathamHouse, Dimensions);
        var before = await StoreCounts.OfAsync(Server);
        var version = await dialogue.DialogueVersionAsync();

        var response = await dialogue.Convener.Http.PostAsync($"{dialogue.Url}/members/import",
            Csv("name,role,Region\nAda,delegate,Europe\nBo,delegate,Atlantis\nCy,observer,China\n"));

        var problem = await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "roster.bad-rows");
        var row = Assert.Single(problem["rows"]!.AsArray())!;
        Assert.Equal(3, row["row"]!.GetValue<int>());
        Assert.Equal("Region", row["column"]!.GetValue<string>());
        Assert.Contains("Atlantis", row["message"]!.GetValue<string>());
        Assert.Equal(version, await dialogue.DialogueVersionAsync());
        Assert.Equal(before, await StoreCounts.OfAsync(Server));
        Assert.Single((await dialogue.Convener.GetJsonAsync(dialogue.Url))["roster"]!.AsArray());
    }

    [Fact]
    public async Task OnlyTheConvenerImports()
    {
        using var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.ChathamHouse, Dimensions,
            new Seat("Fran", Role.Facilitator), new Seat("Dee", Role.Delegate));

        await Expect.RefusedAsync(await dialogue["Fran"].Http.PostAsync($"{dialogue.Url}/members/import", Csv("name\nAda\n")), HttpStatusCode.Forbidden, "role.not-convener");
        await Expect.RefusedAsync(await dialogue["Dee"].Http.PostAsync($"{dialogue.Url}/members/import", Csv("name\nAda\n")), HttpStatusCode.Forbidden, "role.not-convener");
        await Expect.RefusedAsync(await dialogue["Dee"].GetAsync($"{dialogue.Url}/members/import/template"), HttpStatusCode.Forbidden, "role.not-organiser");
    }

    [Fact]
    public async Task TemplateHasTheDialoguesOwnColumns()
    {
        using var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.ChathamHouse, Dimensions);

        var response = await dialogue.Convener.GetAsync($"{dialogue.Url}/members/import/template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("name,affiliation,role,Region,Sector\r\n", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
    }
}
