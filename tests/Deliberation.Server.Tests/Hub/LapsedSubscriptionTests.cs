using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Hub;

/// <summary>
/// A server whose subscriptions lapse after five seconds and are not renewed within the test: only a
/// join can make the room's pushes flow again (the renewal timer is out of the picture, and the
/// heartbeats do not mend a lapse: <c>Realtime:HeartbeatHealsSubscriptions</c> is off, so the grain
/// really drops the node and stays without it).
/// </summary>
public sealed class LapsingSubscriptionsFixture() : HubFixture(
    ["--Realtime:SubscriptionExpiry=00:00:05", "--Realtime:RenewEvery=00:10:00", "--Realtime:HeartbeatHealsSubscriptions=false", .. TimedRealtimeLog])
{
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Issue 10's lost first update: someone opened the room and left, the node's subscription lapsed
/// while nobody was there, and people joined again — the node still believed itself subscribed, so
/// the next events reached no screen, the actor's included, until a renewal.
/// </summary>
public sealed class LapsedSubscriptionTests(LapsingSubscriptionsFixture fixture) : IClassFixture<LapsingSubscriptionsFixture>
{
    [Fact]
    public async Task WhenARoomFillsAgainAfterItsSubscriptionLapsedTheFirstUpdateReachesEveryone()
    {
        var (dialogue, _) = await fixture.DialogueAsync();
        await using (var chairEarlier = await fixture.ConnectAsync(dialogue, "Fran Facilitator"))
            await chairEarlier.JoinAsync(dialogue.Id);
        // Nobody is in the room now; the subscription lapses unrenewed.
        await Task.Delay(LapsingSubscriptionsFixture.Expiry + TimeSpan.FromSeconds(1));

        await using var chair = await fixture.ConnectAsync(dialogue, "Fran Facilitator");
        await using var n1 = await fixture.ConnectAsync(dialogue, "N1");
        await using var s1 = await fixture.ConnectAsync(dialogue, "S1");
        foreach (var client in new[] { chair, n1, s1 })
            await client.JoinAsync(dialogue.Id);
        await dialogue.AcceptAsync("Fran Facilitator", new StartTimer("Red lines", 300));

        foreach (var (client, who) in new[] { (chair, "the chair who started it"), (n1, "N1"), (s1, "S1") })
            await client.WaitForAsync(c => c.EventOfType("TimerStarted"), HubClient.Promptly, what: $"TimerStarted on {who}'s screen");
    }
}
