using System.Net;
using Deliberation.Domain;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// The chair's holdouts view over a real server (docs/api.md, "Holdouts"): the chairs and the
/// rapporteur read it, with names only where the mode shows them; delegates and observers are refused.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HoldoutsTests(HubFixture fixture)
{
    private const string Facilitator = "Fran Facilitator";
    private const string Rapporteur = "Rhea Rapporteur";

    private static string HoldoutsUrl(TestDialogue dialogue, Guid clause) => $"{dialogue.StatementUrl}/clauses/{clause}/holdouts";

    [Fact]
    public async Task InChathamHouse_TheFacilitatorReadsWhoBlocksAndWhy()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await dialogue.AcceptAsync("N1", new Domain.Statements.TakePosition(clause, 1, PositionKind.Block, "Nobody can audit this."));
        await dialogue.TakePositionAsync("N2", clause, PositionKind.Support);

        var holdouts = await dialogue[Facilitator].GetJsonAsync(HoldoutsUrl(dialogue, clause));

        Assert.True(holdouts["named"]!.GetValue<bool>());
        var person = Assert.Single(holdouts["people"]!.AsArray())!;
        Assert.Equal("N1", person["name"]!.GetValue<string>());
        Assert.Equal("Block", person["kind"]!.GetValue<string>());
        Assert.Equal("Nobody can audit this.", person["note"]!.GetValue<string>());
        Assert.NotEmpty(holdouts["needs"]!.AsArray());
    }

    [Fact]
    public async Task TheRapporteurReadsIt_WithoutNamesWhereTheModeHidesThemFromHer()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await dialogue.AcceptAsync("N1", new Domain.Statements.TakePosition(clause, 1, PositionKind.Block, "Nobody can audit this."));

        var holdouts = await dialogue[Rapporteur].GetJsonAsync(HoldoutsUrl(dialogue, clause));

        Assert.False(holdouts["named"]!.GetValue<bool>());
        Assert.Empty(holdouts["people"]!.AsArray());
        Assert.DoesNotContain("N1", holdouts.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(dialogue.IdOf("N1").ToString(), holdouts.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InAnonymous_EvenTheFacilitatorGetsNoNames()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.Anonymous);
        await dialogue.AcceptAsync("N1", new Domain.Statements.TakePosition(clause, 1, PositionKind.Block, "Nobody can audit this."));

        var holdouts = await dialogue[Facilitator].GetJsonAsync(HoldoutsUrl(dialogue, clause));

        Assert.False(holdouts["named"]!.GetValue<bool>());
        Assert.Empty(holdouts["people"]!.AsArray());
        Assert.DoesNotContain(dialogue.IdOf("N1").ToString(), holdouts.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("N2")]
    [InlineData("Otto Observer")]
    public async Task ADelegateOrAnObserverAskingOverHttp_IsRefused(string attacker)
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await dialogue.AcceptAsync("N1", new Domain.Statements.TakePosition(clause, 1, PositionKind.Block, "Nobody can audit this."));

        var response = await dialogue[attacker].GetAsync(HoldoutsUrl(dialogue, clause));

        var problem = await Expect.RefusedAsync(response, HttpStatusCode.Forbidden, "holdouts.not-allowed");
        Assert.DoesNotContain("audit", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownClauseIsNotFound()
    {
        var (dialogue, _) = await fixture.DialogueAsync();

        var response = await dialogue[Facilitator].GetAsync(HoldoutsUrl(dialogue, Guid.NewGuid()));

        await Expect.RefusedAsync(response, HttpStatusCode.NotFound, "clause.not-found");
    }
}
