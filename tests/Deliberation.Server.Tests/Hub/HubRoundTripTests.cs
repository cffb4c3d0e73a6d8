using Deliberation.Domain.Statements;
using System.Text.Json;
using System.Text.Json.Nodes;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Server.Hubs;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Deliberation.Server.Tests.Hub;

/// <summary>The hub over a real connection to a real server process: join, commands, pushes, catch-up, limits.</summary>
[Collection(HubCollection.Name)]
public sealed class HubRoundTripTests(HubFixture fixture)
{
    private const string Facilitator = "Fran Facilitator";

    [Fact]
    public async Task JoiningWithNothingGivesASnapshotThenPositionsArePushedToOthers()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await using var n2 = await fixture.ConnectAsync(dialogue, "N2");

        var joined = await n1.JoinAsync(dialogue.Id);
        await n2.JoinAsync(dialogue.Id);
        var snapshot = joined.GetProperty("snapshot");
        Assert.Equal(dialogue.Id, snapshot.GetProperty("dialogue").GetProperty("id").GetGuid());
        Assert.Equal(clause, snapshot.GetProperty("statements")[0].GetProperty("clauses")[0].GetProperty("id").GetGuid());

        var outcome = await n2.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Support, "With a reservation."));

        Assert.True(outcome.Accepted, outcome.Error?.Message);
        // Chatham House: N1 receives N2's position as an opaque entry at its version — not its kind, nor its note.
        var pushed = await n1.WaitForAsync(c => c.EventOfType("Hidden", e => (string?)e["streamId"] == outcome.StreamId), what: "the position's opaque entry");
        Assert.Equal(outcome.Version, pushed["version"]!.GetValue<long>());
        Assert.Null(pushed["position"]);
        Assert.DoesNotContain("reservation", pushed.ToJsonString(), StringComparison.Ordinal);
        // A delegate in ChathamHouse is a release viewer: one change is only "changes pending"…
        var pending = (JsonElement)await n1.WaitForAsync(c => c.Consensus.Cast<JsonElement?>().FirstOrDefault() is { } u ? (object)u : null, what: "ConsensusChanged");
        Assert.True(pending.GetProperty("clauses")[0].GetProperty("release").GetProperty("changesPending").GetBoolean());
        Assert.Equal(0, North(JsonNode.Parse(pending.GetProperty("clauses")[0].GetRawText())!)["support"]!.GetValue<int>());
        // …until the chair shows the room (forced: one change is fewer than k). The release comes once,
        // in its event, and her screen builds the clause from it; no figures follow it (docs/api.md,
        // "Releases and the room's view")…
        Assert.True((await dialogue.AcceptAsync(Facilitator, new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true)))["accepted"]!.GetValue<bool>());
        var releaseEvent = await n1.WaitForAsync(c => c.EventOfType(nameof(FiguresReleased)), what: "the release");
        var released = (FiguresReleased)DomainJson.DeserializeEvent(nameof(FiguresReleased), releaseEvent.ToJsonString());
        var held = JsonNode.Parse(DomainJson.Serialize(Disclosure.AsShown(Assert.Single(released.Clauses), releaseEvent["version"]!.GetValue<long>(),
            releaseEvent["occurredAt"]!.GetValue<DateTimeOffset>(), released.Trigger)))!;
        Assert.True(held["release"]!["forced"]!.GetValue<bool>());
        Assert.Equal(1, North(held)["support"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(held, ConsensusJson.Clause(await dialogue.ConsensusAsync("N1"), clause)), "the release as her screen builds it is what she is answered afresh");
        // …and the next change only marks the release she holds "changes pending".
        var changed = await n2.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Oppose, null));
        Assert.True(changed.Accepted, changed.Error?.Message);
        var marked = (JsonElement)await n1.WaitForAsync(c => c.Consensus.Cast<JsonElement?>().Skip(1).FirstOrDefault() is { } u ? (object)u : null, what: "the pending mark");
        Assert.Equal(0, marked.GetProperty("clauses").GetArrayLength());
        var mark = Assert.Single(marked.GetProperty("pending").EnumerateArray().ToList());
        Assert.Equal((clause, true), (mark.GetProperty("clauseId").GetGuid(), mark.GetProperty("changesPending").GetBoolean()));
        // Between the first figures and the mark, nothing: the release's figures were not sent as consensus.
        Assert.Equal(2, n1.Consensus.Count);
        // What her screen holds with the mark is what she is answered afresh.
        held["release"]!["changesPending"] = true;
        var answered = ConsensusJson.Clause(await dialogue.ConsensusAsync("N1"), clause);
        Assert.True(JsonNode.DeepEquals(held, answered), $"held {held.ToJsonString()}\nanswered {answered.ToJsonString()}");

        static JsonNode North(JsonNode clause)
        {
            var north = clause["dimensions"]![0]!["groups"]![0]!;
            Assert.Equal("North", (string?)north["group"]);
            return north;
        }
    }

    [Fact]
    public async Task EachConnectionGetsEveryPositionOnceTheAuthorsWholeAndTheOthersOpaque()
    {
        // Six delegates' connections fall into several of the role's groups (by connection id), and a
        // push batch goes to them group by group: a message of one's own must reach its connection once,
        // in its own group, and the role's message every other connection once.
        var (dialogue, clause) = await fixture.DialogueAsync();
        string[] names = ["N1", "N2", "N3", "S1", "S2", "S3"];
        var clients = new List<HubClient>();
        try
        {
            foreach (var name in names)
                clients.Add(await fixture.ConnectAsync(dialogue, name));
            foreach (var client in clients)
                await client.JoinAsync(dialogue.Id);
            var outcomes = new List<CommandOutcome>();
            foreach (var (author, i) in clients.Select((c, i) => (c, i)))
            {
                var outcome = await author.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Accept, $"note of {names[i]}"));
                Assert.True(outcome.Accepted, outcome.Error?.Message);
                outcomes.Add(outcome);
            }
            var last = outcomes[^1];
            foreach (var client in clients)
                await client.WaitForAsync(c => c.HeldVersion(last.StreamId) >= last.Version ? (object)true : null, what: $"v{last.Version}");

            // A commit's answer names its last version, which is a release's when the position released the clause.
            var first = outcomes[0].Version;
            foreach (var (client, i) in clients.Select((c, i) => (c, i)))
            {
                var seen = client.Events.Where(e => e.StreamId == last.StreamId && e.Event["version"]!.GetValue<long>() >= first).Select(e => e.Event).ToList();
                Assert.Equal(seen.Count, seen.Select(e => e["version"]!.GetValue<long>()).Distinct().Count());
                var own = Assert.Single(seen, e => (string?)e["type"] == "PositionTaken");
                Assert.Equal($"note of {names[i]}", (string?)own["note"]);
                Assert.Equal(names.Length - 1, seen.Count(e => (string?)e["type"] == "Hidden"));
            }
        }
        finally
        {
            foreach (var client in clients)
                await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task CommandsAnswerWithTheRuleTheyBreakAndStoreNothing()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await using var observer = await fixture.ConnectAsync(dialogue, "Otto Observer");
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        var before = await dialogue.StatementVersionAsync();

        var fromObserver = await observer.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Support));
        var onUnknownClause = await n1.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, Guid.NewGuid(), 1, PositionKind.Support));
        var malformed = await n1.InvokeAsync("TakePosition", null);
        var tooLong = await n1.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Support, new string('x', 1_001)));
        var rangeReversed = await n1.InvokeAsync("StateRange", new StateRangeRequest(dialogue.Id, dialogue.StatementId, clause, 1, 30, 10));
        var notFacilitator = await n1.InvokeAsync("SetPhase", new SetPhaseRequest(dialogue.Id, Domain.Phase.Drafting));

        Assert.Equal("role.observer", fromObserver.Error?.Rule);
        Assert.Equal("clause.not-found", onUnknownClause.Error?.Rule);
        Assert.Equal("command.malformed", malformed.Error?.Rule);
        Assert.Equal("note.too-long", tooLong.Error?.Rule);
        Assert.Equal("range.not-a-parameter", rangeReversed.Error?.Rule);
        Assert.Equal("role.not-facilitator", notFacilitator.Error?.Rule);
        Assert.All([fromObserver, onUnknownClause, malformed, tooLong, rangeReversed, notFacilitator], o => Assert.False(o.Accepted));
        Assert.Equal(before, await dialogue.StatementVersionAsync());
    }

    [Fact]
    public async Task AMessageThatDoesNotParseIsAnErrorAndChangesNothing()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        var before = await dialogue.StatementVersionAsync();

        await Assert.ThrowsAsync<HubException>(() => n1.Connection.InvokeAsync<CommandOutcome>("TakePosition", new { dialogueId = "not a guid", position = "Maybe" }));
        await Assert.ThrowsAnyAsync<Exception>(() => n1.Connection.InvokeAsync<CommandOutcome>("NoSuchCommand", 1));

        Assert.Equal(before, await dialogue.StatementVersionAsync());
        // The connection survives a bad message.
        Assert.True((await n1.InvokeAsync("RaiseHand", new DialogueRequest(dialogue.Id))).Accepted);
    }

    [Fact]
    public async Task AClientThatReconnectsReceivesExactlyWhatItMissed()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        var statementStream = StreamIds.Statement(dialogue.StatementId);
        var dialogueStream = StreamIds.Dialogue(dialogue.Id);
        Dictionary<string, long?> seen;
        await using (var n1 = await fixture.ConnectAsync(dialogue, "N1"))
        {
            var joined = await n1.JoinAsync(dialogue.Id);
            seen = joined.GetProperty("versions").EnumerateObject().ToDictionary(p => p.Name, p => (long?)p.Value.GetInt64());
        }

        // While N1 is away: two positions and a raised hand.
        await dialogue.TakePositionAsync("N2", clause, PositionKind.Support);
        await dialogue.TakePositionAsync("S1", clause, PositionKind.Oppose);
        await dialogue.AcceptAsync("S2", new Domain.Dialogues.RaiseHand());

        await using var back = await fixture.ConnectAsync(dialogue, "N1");
        var rejoined = await back.JoinAsync(dialogue.Id, seen);

        Assert.Equal(JsonValueKind.Null, rejoined.GetProperty("snapshot").ValueKind);
        var missed = rejoined.GetProperty("missed").EnumerateArray().ToDictionary(
            s => s.GetProperty("streamId").GetString()!,
            s => s.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()).ToList());
        Assert.Equal([seen[statementStream]!.Value + 1, seen[statementStream]!.Value + 2], missed[statementStream]);
        Assert.Equal([seen[dialogueStream]!.Value + 1], missed[dialogueStream]);
    }

    [Fact]
    public async Task CommandsOverTheRateLimitAreRefusedAndDoNothing()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        var before = await dialogue.DialogueVersionAsync();

        // Raise and lower a hand 100 times, faster than the fixture's 5 a second: the bucket (40) runs dry.
        var outcomes = new List<CommandOutcome>();
        for (var i = 0; i < 100; i++)
            outcomes.Add(await n1.InvokeAsync(i % 2 == 0 ? "RaiseHand" : "LowerHand", i % 2 == 0 ? new DialogueRequest(dialogue.Id) : new LowerHandRequest(dialogue.Id)));

        var limited = outcomes.Where(o => o.Error?.Rule == "rate.limited").ToList();
        Assert.NotEmpty(limited);
        var accepted = outcomes.Count(o => o.Accepted);
        Assert.Equal(before + accepted, await dialogue.DialogueVersionAsync());
    }

    [Fact]
    public async Task DraftPreviewsReachTheOthersAndAreNotStored()
    {
        var (dialogue, clause) = await fixture.DialogueAsync();
        await dialogue.SetPhaseAsync(Facilitator, Domain.Phase.Drafting);
        await using var rapporteur = await fixture.ConnectAsync(dialogue, "Rhea Rapporteur");
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await rapporteur.JoinAsync(dialogue.Id);
        await n1.JoinAsync(dialogue.Id);
        var before = await dialogue.StatementVersionAsync();

        var sent = await rapporteur.InvokeAsync("DraftPreview", new DraftPreviewRequest(dialogue.Id, dialogue.StatementId, clause, 1, "No AI system should copy or improve itself"));
        var fromDelegate = await n1.InvokeAsync("DraftPreview", new DraftPreviewRequest(dialogue.Id, dialogue.StatementId, clause, 1, "mine"));

        Assert.True(sent.Accepted, sent.Error?.Message);
        Assert.Equal("role.not-rapporteur", fromDelegate.Error?.Rule);
        var preview = await n1.WaitForAsync(c => c.Previews.Cast<JsonElement?>().FirstOrDefault() is { } p ? (object)p : null, what: "DraftPreview");
        Assert.Equal("No AI system should copy or improve itself", ((JsonElement)preview).GetProperty("text").GetString());
        Assert.Empty(rapporteur.Previews); // not echoed to its author
        Assert.Equal(before, await dialogue.StatementVersionAsync());
    }

    [Fact]
    public async Task PresenceShowsNamesOnlyToThoseWhoMaySeeThem()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        await using var facilitator = await fixture.ConnectAsync(dialogue, Facilitator);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await facilitator.JoinAsync(dialogue.Id);

        var joined = await n1.JoinAsync(dialogue.Id);

        var seenByDelegate = joined.GetProperty("presence");
        Assert.Equal(2, seenByDelegate.GetProperty("present").GetInt32());
        Assert.Equal(JsonValueKind.Null, seenByDelegate.GetProperty("people").ValueKind);
        var seenByFacilitator = await facilitator.WaitForAsync(
            c => c.Presence.Cast<JsonElement?>().LastOrDefault(p => p!.Value.GetProperty("present").GetInt32() == 2) is { } p ? (object)p : null,
            what: "PresenceChanged with two present");
        Assert.Contains(((JsonElement)seenByFacilitator).GetProperty("people").EnumerateArray(), p => p.GetProperty("displayName").GetString() == "N1");
    }
}
