using System.Net;
using System.Text.Json;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.SignalR.Client;
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

    /// <summary>N1's position is on revision 1 (stale after a substantive edit), N2 gave hers again on revision 2, N3 never spoke.</summary>
    private async Task<(TestDialogue Dialogue, Guid Clause)> StaleRoomAsync(ConfidentialityMode mode = ConfidentialityMode.ChathamHouse)
    {
        var (dialogue, clause) = await fixture.DialogueAsync(mode);
        await dialogue.TakePositionAsync("N1", clause, PositionKind.Support);
        await dialogue.TakePositionAsync("N2", clause, PositionKind.Support);
        await dialogue.SetPhaseAsync(Facilitator, Phase.Drafting);
        await dialogue.AcceptAsync(Rapporteur, new ReviseClause(clause, 1, "No AI system should copy itself without explicit human approval.", RevisionKind.Substantive, null));
        await dialogue.TakePositionAsync("N2", clause, PositionKind.Support, revision: 2);
        return (dialogue, clause);
    }

    [Fact]
    public async Task RemindingStaleDelegates_ReachesTheStaleOneAlone_AndTheChairLearnsOnlyHowMany()
    {
        var (dialogue, clause) = await StaleRoomAsync();
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        await using var stale = await fixture.ConnectAsync(dialogue, "N1");
        await using var current = await fixture.ConnectAsync(dialogue, "N2");
        await using var silent = await fixture.ConnectAsync(dialogue, "N3");
        foreach (var hub in new[] { chair, stale, current, silent })
            await hub.JoinAsync(dialogue.Id);

        var outcome = await chair.Connection.InvokeAsync<JsonElement>("RemindStale", new RemindStaleRequest(dialogue.Id, dialogue.StatementId, clause));

        Assert.True(outcome.GetProperty("sent").GetBoolean(), outcome.ToString());
        Assert.Equal(1, outcome.GetProperty("reminded").GetInt32());
        Assert.DoesNotContain(dialogue.IdOf("N1").ToString(), outcome.ToString(), StringComparison.OrdinalIgnoreCase);
        var reminder = (object)await stale.WaitForAsync(c => c.Reminders.Cast<JsonElement?>().FirstOrDefault() is { } r ? (object)r : null, what: "the reminder");
        var pushed = (JsonElement)reminder;
        Assert.Equal(clause, pushed.GetProperty("clauseId").GetGuid());
        Assert.Equal(1, pushed.GetProperty("clauseNumber").GetInt32());
        Assert.Equal(2, pushed.GetProperty("revision").GetInt32());
        // The others got nothing: give a stray push time to arrive before saying so.
        await Task.Delay(500);
        Assert.Empty(current.Reminders);
        Assert.Empty(silent.Reminders);
        Assert.Empty(chair.Reminders);
    }

    [Fact]
    public async Task ASecondReminderWithinTheMinuteIsRefused_WithWhenItMayBeSentAgain()
    {
        var (dialogue, clause) = await StaleRoomAsync();
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        var request = new RemindStaleRequest(dialogue.Id, dialogue.StatementId, clause);

        var first = await chair.Connection.InvokeAsync<JsonElement>("RemindStale", request);
        var second = await chair.Connection.InvokeAsync<JsonElement>("RemindStale", request);

        Assert.True(first.GetProperty("sent").GetBoolean(), first.ToString());
        Assert.False(second.GetProperty("sent").GetBoolean());
        Assert.Equal("reminder.too-soon", second.GetProperty("error").GetProperty("rule").GetString());
        Assert.Contains("again in", second.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("N2")]
    [InlineData("Otto Observer")]
    public async Task ADelegateOrAnObserverCallingRemindStaleOverTheHub_IsRefused_AndNobodyIsReminded(string attacker)
    {
        var (dialogue, clause) = await StaleRoomAsync();
        await using var caller = await fixture.ConnectAsync(dialogue, attacker);
        await using var stale = await fixture.ConnectAsync(dialogue, "N1");
        await stale.JoinAsync(dialogue.Id);

        var outcome = await caller.Connection.InvokeAsync<JsonElement>("RemindStale", new RemindStaleRequest(dialogue.Id, dialogue.StatementId, clause));

        Assert.False(outcome.GetProperty("sent").GetBoolean());
        Assert.Equal(0, outcome.GetProperty("reminded").GetInt32());
        Assert.Equal("holdouts.not-allowed", outcome.GetProperty("error").GetProperty("rule").GetString());
        await Task.Delay(500);
        Assert.Empty(stale.Reminders);
    }

    /// <summary>
    /// A chair forges the ids: her own dialogue, another dialogue's statement and clause. The node reads the
    /// statement she names and hands it to her dialogue (docs/architecture.md, "Calls that wait"), which must
    /// refuse a statement it does not list: the other room's stale delegate is not reminded.
    /// </summary>
    [Fact]
    public async Task AChairNamingAnotherDialoguesStatement_IsNotFound_AndNobodyThereIsReminded()
    {
        var (own, _) = await StaleRoomAsync();
        var (other, otherClause) = await StaleRoomAsync();
        await using var chair = await fixture.ConnectAsync(own, Facilitator);
        await using var staleElsewhere = await fixture.ConnectAsync(other, "N1");
        await staleElsewhere.JoinAsync(other.Id);

        var outcome = await chair.Connection.InvokeAsync<JsonElement>("RemindStale", new RemindStaleRequest(own.Id, other.StatementId, otherClause));

        Assert.False(outcome.GetProperty("sent").GetBoolean());
        Assert.Equal(0, outcome.GetProperty("reminded").GetInt32());
        Assert.Equal("statement.not-found", outcome.GetProperty("error").GetProperty("rule").GetString());
        await Task.Delay(500);
        Assert.Empty(staleElsewhere.Reminders);
    }

    [Fact]
    public async Task InAnonymous_TheChairStillRemindsByCount()
    {
        var (dialogue, clause) = await StaleRoomAsync(ConfidentialityMode.Anonymous);
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        await using var stale = await fixture.ConnectAsync(dialogue, "N1");
        await stale.JoinAsync(dialogue.Id);

        var outcome = await chair.Connection.InvokeAsync<JsonElement>("RemindStale", new RemindStaleRequest(dialogue.Id, dialogue.StatementId, clause));
        var holdouts = await dialogue[Facilitator].GetJsonAsync(HoldoutsUrl(dialogue, clause));

        Assert.Equal(1, outcome.GetProperty("reminded").GetInt32());
        Assert.Equal(1, holdouts["stale"]!.GetValue<int>());
        Assert.Empty(holdouts["people"]!.AsArray());
        await stale.WaitForAsync(c => c.Reminders.Cast<JsonElement?>().FirstOrDefault() is { } r ? (object)r : null, what: "the reminder");
    }

    [Fact]
    public async Task AnUnknownClauseIsNotFound()
    {
        var (dialogue, _) = await fixture.DialogueAsync();

        var response = await dialogue[Facilitator].GetAsync(HoldoutsUrl(dialogue, Guid.NewGuid()));

        await Expect.RefusedAsync(response, HttpStatusCode.NotFound, "clause.not-found");
    }
}
