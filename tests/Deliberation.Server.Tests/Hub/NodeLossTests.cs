using System.Diagnostics;
using Deliberation.Domain;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// Issue 10's node loss: two nodes in one cluster, the dialogue made through the second (so its
/// grains live there), people in the room through both; the second is killed with SIGKILL. The
/// survivor's clients must not freeze: a delegate's action is accepted again within 5 s, a watcher
/// has every next action within the delivery bound (pushed, or caught up from the heartbeat, as the
/// protocol lets a client: docs/api.md), and within seconds they come as pushes again (her node
/// subscribed again, not at the 30 s renewal); "who is here" forgets the people who were on the dead node.
/// </summary>
public sealed class NodeLossTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The target, with a little room for a machine running three helpers' builds.</summary>
    private static readonly TimeSpan AcceptedAgainWithin = TimeSpan.FromSeconds(6);

    /// <summary>A push within a second, with room for a loaded machine.</summary>
    private static readonly TimeSpan PushedWithin = TimeSpan.FromSeconds(1.5);

    private static readonly PositionKind[] Kinds = [PositionKind.Support, PositionKind.Accept, PositionKind.StandAside];

    private readonly TempFolder folder = new("deliberation-node-loss");
    private ServerProcess survivor = null!;
    private ServerProcess doomed = null!;

    public async Task InitializeAsync()
    {
        survivor = new ServerProcess(folder.File("deliberation.db"), folder.Path, seedDemo: false);
        await survivor.StartAsync();
        doomed = new ServerProcess(survivor.DatabasePath, folder.Path, seedDemo: false, joins: survivor);
        await doomed.StartAsync();
    }

    public Task DisposeAsync()
    {
        doomed.Dispose();
        survivor.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AfterANodeIsKilledTheSurvivorsRoomAcceptsAndHearsActionsWithinSeconds()
    {
        var (dialogue, clause) = await DialogueOnTheDoomedNodeAsync();
        using var n1Signed = await SignInOnSurvivorAsync(dialogue, "N1");
        using var ottoSigned = await SignInOnSurvivorAsync(dialogue, "Otto Observer");
        await using var n1 = await HubClient.ConnectAsync(survivor.BaseAddress, n1Signed);
        await using var watcher = await HubClient.ConnectAsync(survivor.BaseAddress, ottoSigned, catchesUp: true);
        await n1.JoinAsync(dialogue.Id);
        await watcher.JoinAsync(dialogue.Id);
        var before = await n1.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Oppose));
        Assert.True(before.Accepted, before.Error?.Message);
        await watcher.WaitForAsync(c => c.HeldVersion(before.StreamId) >= before.Version ? c : null, PushedWithin, "the position before the kill");

        doomed.Kill();
        var clock = Stopwatch.StartNew();
        var first = await AcceptedAsync(n1, dialogue.Id, dialogue.StatementId, clause, survivor);
        var acceptedAfter = clock.Elapsed;
        output.WriteLine($"First action accepted {acceptedAfter.TotalMilliseconds:F0} ms after the SIGKILL.");
        Assert.True(acceptedAfter < AcceptedAgainWithin, $"the first action after the kill took {acceptedAfter.TotalSeconds:F1} s");

        // The next actions reach the watcher within the delivery bound: an event committed while the
        // reactivated grain did not yet know her node is caught up from the heartbeat.
        for (var i = 0; i < 3; i++)
        {
            var outcome = await n1.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, Kinds[i]));
            Assert.True(outcome.Accepted, outcome.Error?.Message);
            var sent = Stopwatch.StartNew();
            await watcher.WaitForAsync(c => c.HeldVersion(outcome.StreamId) >= outcome.Version ? c : null, HeartbeatTests.Bound, $"action {i + 2} after the kill (version {outcome.Version})");
            output.WriteLine($"Action {i + 2} after the kill reached the watcher in {sent.ElapsedMilliseconds} ms (catch-ups so far: {watcher.CatchUps}).");
        }
        Assert.True(first.Version > before.Version);

        // Two heartbeats later her node is subscribed to the reactivated grain again: the next action is a push, not a catch-up.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var catchUpsBefore = watcher.CatchUps;
        var pushed = await n1.InvokeAsync("TakePosition", new TakePositionRequest(dialogue.Id, dialogue.StatementId, clause, 1, PositionKind.Oppose));
        Assert.True(pushed.Accepted, pushed.Error?.Message);
        await watcher.WaitForAsync(c => c.HeldVersion(pushed.StreamId) >= pushed.Version ? c : null, PushedWithin, $"the action two heartbeats after the failover (version {pushed.Version})");
        Assert.Equal(catchUpsBefore, watcher.CatchUps);
    }

    [Fact]
    public async Task AfterANodeIsKilledWhoIsHereForgetsItsPeople()
    {
        var (dialogue, _) = await DialogueOnTheDoomedNodeAsync();
        using var ottoSigned = await SignInOnSurvivorAsync(dialogue, "Otto Observer");
        await using var onDoomed = await HubClient.ConnectAsync(doomed.BaseAddress, dialogue["N2"]);
        await using var watcher = await HubClient.ConnectAsync(survivor.BaseAddress, ottoSigned);
        await onDoomed.JoinAsync(dialogue.Id);
        await watcher.JoinAsync(dialogue.Id);
        await watcher.WaitForAsync(c => Present(c) == 2 ? c : null, PushedWithin, "both present");

        doomed.Kill();
        var clock = Stopwatch.StartNew();

        await watcher.WaitForAsync(c => Present(c) == 1 ? c : null, AcceptedAgainWithin, "the presence without the dead node's delegate");
        output.WriteLine($"Presence corrected {clock.ElapsedMilliseconds} ms after the SIGKILL.");
    }

    /// <summary>The latest presence the client received, or from its join.</summary>
    private static int? Present(HubClient client) =>
        client.Presence.Count == 0 ? null : client.Presence.Last().GetProperty("present").GetInt32();

    /// <summary>Retries until the survivor accepts: until the cluster declares the dead node dead, its grains cannot answer.</summary>
    private async Task<CommandOutcome> AcceptedAsync(HubClient client, Guid dialogueId, Guid statementId, Guid clause, ServerProcess node)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                var outcome = await client.Connection.InvokeAsync<CommandOutcome>("TakePosition",
                    new TakePositionRequest(dialogueId, statementId, clause, 1, Kinds[(int)(deadline.ElapsedMilliseconds / 100 % Kinds.Length)]), attempt.Token);
                if (outcome.Accepted)
                    return outcome;
                last = new InvalidOperationException(outcome.Error?.Message);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                last = e;
                output.WriteLine($"{deadline.ElapsedMilliseconds} ms: {e.GetType().Name}: {e.Message}");
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No action was accepted within a minute of the kill; the survivor said:\n{node.Output}", last);
    }

    private async Task<(TestDialogue Dialogue, Guid Clause)> DialogueOnTheDoomedNodeAsync()
    {
        var dialogue = await TestDialogue.CreateAsync(doomed.NewClient, ConfidentialityMode.ChathamHouse, HubFixture.Dimensions, HubFixture.Seats);
        var clause = await dialogue.ProposeClauseAsync("Rhea Rapporteur", "Register models above an agreed capability threshold.");
        await dialogue.SetPhaseAsync("Fran Facilitator", Phase.Deliberation);
        return (dialogue, clause);
    }

    /// <summary>Each process keeps its own cookie keys: a person signs in on the survivor with a fresh invite.</summary>
    private async Task<ApiClient> SignInOnSurvivorAsync(TestDialogue dialogue, string who)
    {
        var client = survivor.NewClient();
        var invite = await dialogue.Convener.PostOkAsync($"/api/dialogues/{dialogue.Id}/members/{dialogue.IdOf(who)}/invites", new { });
        await client.RedeemAsync(invite["code"]!.GetValue<string>());
        return client;
    }
}
