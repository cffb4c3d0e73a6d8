using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// Subscriptions lapse after ten seconds and are not renewed within the test (the renewal is ten
/// minutes off); heartbeats mend them, as shipped. A beat does not renew, so a mended subscription
/// lapses again an expiry later: the expiry is long enough that the test's event, committed a few
/// seconds after the mending even on a loaded machine, falls well inside the mended subscription
/// (at five seconds a slow commit once landed in the second lapse).
/// </summary>
public sealed class HealingSubscriptionsFixture() : HubFixture(["--Realtime:SubscriptionExpiry=00:00:10", "--Realtime:RenewEvery=00:10:00", .. TimedRealtimeLog])
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(10);

    /// <summary>The shipped <c>Realtime:HeartbeatEvery</c>.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Issue 10's node that stopped hearing its room: a grain that dropped a node's subscription (it
/// lapsed, or the grain reactivated elsewhere knowing nobody) while the node still had people in the
/// room. The node's next heartbeat learns that the grain no longer knew it and has it subscribed
/// again at once, so what comes next is pushed — not merely caught up a heartbeat later, and not
/// left for the renewal half a minute on.
/// </summary>
public sealed class SelfHealingSubscriptionTests(HealingSubscriptionsFixture fixture) : IClassFixture<HealingSubscriptionsFixture>
{
    [Fact]
    public async Task AfterTheSubscriptionLapsesWithPeopleConnectedTheNextEventIsPushedToThem()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        // Neither client catches up: whatever reaches them was pushed.
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await using var s1 = await fixture.ConnectAsync(dialogue, "S1");
        await n1.JoinAsync(dialogue.Id);
        await s1.JoinAsync(dialogue.Id);
        // The joins subscribed the node; the grain drops it after the expiry with both still there.
        // Two heartbeats later (a heartbeat does not renew, so the mended subscription holds for another expiry, until the test is long over):
        await Task.Delay(HealingSubscriptionsFixture.Expiry + 2 * HealingSubscriptionsFixture.HeartbeatEvery + TimeSpan.FromSeconds(0.5));

        await dialogue.AcceptAsync("Fran Facilitator", new StartTimer("Red lines", 300));

        foreach (var (client, who) in new[] { (n1, "N1"), (s1, "S1") })
            await client.WaitForAsync(c => c.EventOfType("TimerStarted"), HubClient.Promptly, what: $"TimerStarted pushed to {who}");
        // And the loss was real: the grain had dropped the node, and the heartbeat mended it.
        await Eventually.Async(
            () => fixture.Server.OutputLines.Any(l => l.Contains("had lost this node's subscription", StringComparison.Ordinal) && l.Contains(dialogue.Id.ToString(), StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5), () => $"the server never said it subscribed again:\n{fixture.Server.Output}", TimeSpan.FromMilliseconds(50));
    }
}
