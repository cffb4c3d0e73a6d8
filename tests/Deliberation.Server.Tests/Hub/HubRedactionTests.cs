using Deliberation.Domain.Statements;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Server.Hubs;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>What each connection receives on the wire, per role and confidentiality mode (docs/architecture.md, "Confidentiality").</summary>
[Collection(HubCollection.Name)]
public sealed class HubRedactionTests(HubFixture fixture)
{
    private const string Facilitator = "Fran Facilitator";

    [Fact]
    public async Task InChathamHouseADelegateNeverReceivesAnotherDelegatesIdentityWithAPosition()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.ChathamHouse);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await using var n2 = await fixture.ConnectAsync(dialogue, "N2");
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        foreach (var c in new[] { n1, n2, chair })
            await c.JoinAsync(dialogue.Id);

        Assert.True((await n2.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Oppose))).Accepted);

        // N1 receives the position only as an opaque entry: its place in the chain, nothing of its content.
        var statementStream = StreamIds.Statement(dialogue.StatementId);
        var seenByN1 = await n1.WaitForAsync(c => c.EventOfType("Hidden", e => (string?)e["streamId"] == statementStream), what: "the opaque entry at N1");
        Assert.Equal(["eventHash", "leaf", "logPosition", "streamId", "type", "version"], seenByN1.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Null(n1.EventOfType("PositionTaken"));
        Assert.DoesNotContain(dialogue.IdOf("N2").ToString(), seenByN1.ToJsonString());
        var seenByN2 = await n2.WaitForAsync(c => c.EventOfType("PositionTaken"), what: "own PositionTaken at N2");
        Assert.Equal(dialogue.IdOf("N2"), seenByN2["participantId"]!.GetValue<Guid>());
        var seenByChair = await chair.WaitForAsync(c => c.EventOfType("PositionTaken"), what: "PositionTaken at the chair");
        Assert.Equal(dialogue.IdOf("N2"), seenByChair["participantId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ConsensusPushedToADelegateFoldsGroupsUnderKAndTheChairSeesThem()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.ChathamHouse);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        await n1.JoinAsync(dialogue.Id);
        await chair.JoinAsync(dialogue.Id);

        await dialogue.TakePositionAsync("S3", clause, PositionKind.Block);
        // The delegate sees figures once released: the chair forces it (one change is fewer than k).
        await dialogue.AcceptAsync(Facilitator, new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true));

        static IReadOnlyList<string> SectorGroups(JsonNode clause) =>
            [.. clause["dimensions"]![1]!["groups"]!.AsArray().Select(g => (string)g!["group"]!)];
        // The delegate is shown the release in its event, which her screen builds the clause from.
        var released = await n1.WaitForAsync(c => c.EventOfType(nameof(FiguresReleased)), what: "the release at N1");
        var delegateView = released["clauses"]![0]!["figures"]!;
        var chairView = (JsonElement)await chair.WaitForAsync(c => c.Consensus.Cast<JsonElement?>().FirstOrDefault() is { } u ? (object)u : null, what: "consensus at the chair");
        Assert.DoesNotContain("Government", SectorGroups(delegateView));
        Assert.Contains("Other groups", SectorGroups(delegateView));
        Assert.Equal(["Academia", "Industry", "Government"], SectorGroups(JsonNode.Parse(chairView.GetProperty("clauses")[0].GetRawText())!));
        Assert.Equal("Blocked", (string?)delegateView["status"]);
    }

    [Fact]
    public async Task InAnonymousModeTheFacilitatorTooReceivesNoIdentities()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.Anonymous);
        await using var chair = await fixture.ConnectAsync(dialogue, Facilitator);
        await chair.JoinAsync(dialogue.Id);

        await dialogue.TakePositionAsync("N3", clause, PositionKind.Support);

        var statementStream = StreamIds.Statement(dialogue.StatementId);
        var seen = await chair.WaitForAsync(c => c.EventOfType("Hidden", e => (string?)e["streamId"] == statementStream), what: "the opaque entry at the chair");
        Assert.Null(seen["participantId"]);
        Assert.Null(chair.EventOfType("PositionTaken"));
    }

    [Fact]
    public async Task InvitesAreHiddenFromDelegatesButVersionsStayContiguous()
    {
        var (dialogue, _) = await fixture.DialogueAsync(ConfidentialityMode.Attributed);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        var joined = await n1.JoinAsync(dialogue.Id, new Dictionary<string, long?> { [StreamIds.Dialogue(dialogue.Id)] = 0, [StreamIds.Statement(dialogue.StatementId)] = 0 });

        var dialogueEvents = joined.GetProperty("missed").EnumerateArray()
            .Single(s => s.GetProperty("streamId").GetString() == StreamIds.Dialogue(dialogue.Id)).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, dialogueEvents.Count).Select(v => (long)v), dialogueEvents.Select(e => e.GetProperty("version").GetInt64()));
        Assert.DoesNotContain(dialogueEvents, e => e.GetProperty("type").GetString() == "InviteIssued");
        Assert.Contains(dialogueEvents, e => e.GetProperty("type").GetString() == "Hidden");
    }
}
