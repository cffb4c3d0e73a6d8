using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deliberation.Domain;
using Deliberation.Server.Demo;
using Deliberation.Server.Tests.Infrastructure;
using static Deliberation.Server.Tests.Infrastructure.ConsensusJson;

namespace Deliberation.Server.Tests;

/// <summary>The demo the real server seeds on an empty database, as a first-time user meets it.</summary>
[Collection(RealServerCollection.Name)]
public sealed partial class DemoSeedTests(RealServerFixture fixture)
{
    [GeneratedRegex(@"^([^=;\t]+=[^=;\t]+(;[^=;\t]+=[^=;\t]+)*)?$")]
    private static partial Regex GroupsField();

    private sealed record InviteLine(Role Role, string Name, string Groups, string Link)
    {
        public string Code => Link[(Link.LastIndexOf('/') + 1)..];
    }

    private async Task<IReadOnlyList<InviteLine>> LinesAsync()
    {
        // The seeder runs as the host starts; give it a moment in case /health answered first.
        await Eventually.Async(
            () => File.Exists(fixture.InvitesFile),
            TimeSpan.FromSeconds(10),
            () => $"No {fixture.InvitesFile}:\n{fixture.Server.Output}",
            TimeSpan.FromMilliseconds(100));

        return [.. File.ReadAllLines(fixture.InvitesFile).Where(l => l.Length > 0).Select(line =>
        {
            var fields = line.Split('\t');
            Assert.True(fields.Length == 4, $"Not four tab-separated fields: {line}");
            Assert.True(Enum.TryParse<Role>(fields[0], out var role), $"Not a role: {fields[0]}");
            return new InviteLine(role, fields[1], fields[2], fields[3]);
        })];
    }

    [Fact]
    public async Task DemoSeedWritesOneTabSeparatedInviteLinePerInvitee()
    {
        var lines = await LinesAsync();

        Assert.Equal(1 + DemoScript.Staff.Length + DemoScript.Delegates.Length, lines.Count);
        Assert.Equal(
            new[] { DemoScript.Convener }.Concat(DemoScript.Staff).Concat(DemoScript.Delegates).Select(p => (p.Role, p.Name)),
            lines.Select(l => (l.Role, l.Name)));
        foreach (var line in lines)
        {
            Assert.Matches(GroupsField(), line.Groups);
            Assert.StartsWith(new Uri(fixture.Server.BaseAddress, "/invite/").ToString(), line.Link);
        }
        Assert.Equal("Region=China;Sector=Academia", lines.Single(l => l.Name == "Li Wei").Groups);
        Assert.Equal("", lines.Single(l => l.Role == Role.Facilitator).Groups);
        Assert.Equal(lines.Count, lines.Select(l => l.Code).Distinct().Count());

        // Each link signs its invitee in as who the line says.
        foreach (var line in lines.Where(l => l.Role is Role.Convener or Role.Observer || l.Name == "Ana Souza"))
        {
            using var client = fixture.Server.NewClient();
            var redeemed = await client.RedeemAsync(line.Code);
            Assert.Equal((line.Name, line.Role.ToString()), (redeemed["displayName"]!.GetValue<string>(), redeemed["role"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task DemoSeedYieldsAgreedNearConsensusContestedAndBlockedClauses()
    {
        using var facilitator = await SignInAsync(Role.Facilitator);
        var (url, consensus) = await DemoConsensusAsync(facilitator);

        var statuses = consensus["clauses"]!.AsArray().Where(c => c!["optionId"] is null).Select(c => Status(c!)).ToList();
        Assert.Equal(DemoScript.Clauses.Length, statuses.Count);
        // Worked from DemoScript's positions: six clauses everyone can live with; the cyberattack red
        // line (US and Government each one supporter short); the funding floor (China opposes); the
        // incident authority (one Block).
        Assert.Equal(6, statuses.Count(s => s == "Agreed"));
        Assert.Equal(1, statuses.Count(s => s == "NearConsensus"));
        Assert.Equal(1, statuses.Count(s => s == "Contested"));
        Assert.Equal(1, statuses.Count(s => s == "Blocked"));
        Assert.Equal(["Agreed", "Agreed", "Agreed", "Agreed", "NearConsensus", "Agreed", "Contested", "Agreed", "Blocked"], statuses);
        Assert.False(consensus["hasConsensus"]!.GetValue<bool>());

        var floor = consensus["clauses"]![6]!;
        Assert.Equal("FundingFloor", floor["kind"]!.GetValue<string>());
        Assert.NotNull(floor["fundingFloor"]);
        Assert.Equal(3, floor["options"]!.AsArray().Count);

        // The facilitator sees the two-member Government group; a delegate sees it folded.
        Assert.Contains("Government", GroupNames(floor, "Sector"));
        using var delegateClient = await SignInAsync(Role.Delegate);
        var delegateView = await delegateClient.GetJsonAsync(url);
        var seen = delegateView["clauses"]![6]!;
        Assert.DoesNotContain("Government", GroupNames(seen, "Sector"));
        Assert.Contains("Other groups", GroupNames(seen, "Sector"));
        Assert.Equal(statuses, delegateView["clauses"]!.AsArray().Where(c => c!["optionId"] is null).Select(c => Status(c!)));
    }

    [Fact]
    public async Task TheDemoIsBilingualWithEveryClauseTranslatedAndAGlossaryItsTextsKeep()
    {
        using var delegateClient = await SignInAsync(Role.Delegate);
        var id = Assert.Single((await delegateClient.GetJsonAsync("/api/dialogues")).AsArray())!["id"]!.GetValue<Guid>();
        var dialogue = await delegateClient.GetJsonAsync($"/api/dialogues/{id}");
        var statementId = dialogue["statements"]![0]!["id"]!.GetValue<Guid>();
        var statement = await delegateClient.GetJsonAsync($"/api/dialogues/{id}/statements/{statementId}");

        Assert.Equal(["en", DemoScript.Chinese], dialogue["settings"]!["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("EquallyAuthentic", dialogue["settings"]!["authenticity"]!.GetValue<string>());
        var clauses = statement["clauses"]!.AsArray();
        Assert.Equal(DemoScript.Clauses.Select(c => c.Chinese), clauses.Select(c => c!["translations"]![DemoScript.Chinese]!["text"]!.GetValue<string>()));
        Assert.All(clauses, c => Assert.Equal("Current", c!["translations"]![DemoScript.Chinese]!["status"]!.GetValue<string>()));
        Assert.Equal("至少20%", clauses[6]!["optionTranslations"]!["1.2"]![DemoScript.Chinese]!["text"]!.GetValue<string>());

        // The demo's own translations keep its glossary: nothing is flagged.
        var glossary = DemoScript.Glossary;
        Assert.Equal(glossary.Length, dialogue["glossary"]!.AsArray().Count);
        Assert.All(DemoScript.Clauses.Select((c, i) => Domain.Languages.Glossary.Flags(glossary, Guid.Empty, "en", c.Text, DemoScript.Chinese, c.Chinese)), flags => Assert.Empty(flags));
    }

    private async Task<ApiClient> SignInAsync(Role role)
    {
        var client = fixture.Server.NewClient();
        await client.RedeemAsync((await LinesAsync()).First(l => l.Role == role).Code);
        return client;
    }

    private static async Task<(string Url, JsonNode Consensus)> DemoConsensusAsync(ApiClient client)
    {
        var dialogue = Assert.Single((await client.GetJsonAsync("/api/dialogues")).AsArray())!;
        var id = dialogue["id"]!.GetValue<Guid>();
        var statement = Assert.Single((await client.GetJsonAsync($"/api/dialogues/{id}"))["statements"]!.AsArray())!;
        var url = $"/api/dialogues/{id}/statements/{statement["id"]}/consensus";
        return (url, await client.GetJsonAsync(url));
    }
}
