using System.Diagnostics;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// Issue 10's delivery guarantee: every committed event reaches every client in the room within a
/// second plus a heartbeat — pushed, or noticed as a gap and caught up. The server below lets its
/// subscriptions lapse while people are still connected, never renews them within the test and does
/// not let its heartbeats mend them, so nothing is pushed: only the heartbeat can tell the clients
/// what they missed.
/// </summary>
public sealed class HeartbeatTests(LapsingSubscriptionsFixture fixture, ITestOutputHelper output) : IClassFixture<LapsingSubscriptionsFixture>
{
    /// <summary>A second, plus the shipped heartbeat (1 s), plus a little room for a loaded machine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2.5);

    [Fact]
    public async Task EveryConnectionHearsEachStreamsLatestVersionAboutEverySecond()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.Anonymous);
        await dialogue.TakePositionAsync("N2", clause, PositionKind.Support);
        await using var chair = await fixture.ConnectAsync(dialogue, "Fran Facilitator");
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await chair.JoinAsync(dialogue.Id);
        await n1.JoinAsync(dialogue.Id);

        var dialogueVersion = await dialogue.DialogueVersionAsync();
        var statementVersion = await dialogue.StatementVersionAsync();
        foreach (var client in new[] { chair, n1 })
        {
            await client.WaitForAsync(c => c.Heartbeats.Count > 0 ? c : null, Bound, "a heartbeat");
            var versions = client.Heartbeats.First().GetProperty("versions");
            // The same figures to a chair and to a delegate from whom N2's position is hidden: she holds its version already, as a Hidden entry.
            Assert.Equal(dialogueVersion, versions.GetProperty(StreamIds.Dialogue(dialogue.Id)).GetInt64());
            Assert.Equal(statementVersion, versions.GetProperty(StreamIds.Statement(dialogue.StatementId)).GetInt64());
        }
    }

    [Fact]
    public async Task AClientWhoseNodeStoppedHearingTheRoomHasEveryEventWithinTheBound()
    {
        var (dialogue, clause) = await fixture.DialogueAsync(ConfidentialityMode.ChathamHouse);
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1", catchesUp: true);
        await using var s1 = await fixture.ConnectAsync(dialogue, "S1", catchesUp: true);
        await n1.JoinAsync(dialogue.Id);
        await s1.JoinAsync(dialogue.Id);
        // Both stay connected while the node's subscription lapses: the grain no longer pushes to this node.
        await Task.Delay(LapsingSubscriptionsFixture.Expiry + TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        await dialogue.AcceptAsync("Fran Facilitator", new StartTimer("Red lines", 300));
        await dialogue.TakePositionAsync("N2", clause, PositionKind.Support);
        var statementVersion = await dialogue.StatementVersionAsync();

        foreach (var (client, who) in new[] { (n1, "N1"), (s1, "S1") })
        {
            await client.WaitForAsync(c => c.EventOfType("TimerStarted"), Bound, what: $"TimerStarted on {who}'s screen");
            await client.WaitForAsync(c => c.HeldVersion(StreamIds.Statement(dialogue.StatementId)) >= statementVersion ? c : null, Bound,
                what: $"N2's position (version {statementVersion}) on {who}'s screen");
        }
        output.WriteLine($"Both screens had every missed event {clock.ElapsedMilliseconds} ms after the first commit; catch-ups: N1 {n1.CatchUps}, S1 {s1.CatchUps}.");
        // Caught up once, not again at every heartbeat: the timer is there a single time.
        Assert.Single(n1.Events, e => e.Event["type"]?.GetValue<string>() == "TimerStarted");
    }
}
