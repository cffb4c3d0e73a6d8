using Deliberation.Grains.Realtime;
using Microsoft.Extensions.Options;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Every <see cref="RoomTimings.RenewEvery"/> (30 s as shipped), renews this node's subscription to each dialogue it has clients in and
/// re-reports who is connected: grains forget observers and presence that are not renewed
/// (a node that died), and a grain that reactivated elsewhere learns its listeners again.
/// </summary>
public sealed class SubscriptionRenewal(NodeConnections connections, NodeObserver observer, OutboxRegistry outboxes, PresenceReporter presence, PushSender pushes, IOptions<RoomTimings> timings, ILogger<SubscriptionRenewal> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(timings.Value.RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            outboxes.ReleaseIdle();
            foreach (var dialogueId in connections.Dialogues.ToList())
            {
                try
                {
                    await observer.SubscribeAsync(dialogueId);
                    // A presence push made while this node was not subscribed (a lapse, a reactivated
                    // grain) is never repeated: push what the grain holds now to this node's clients.
                    await pushes.SendPresenceAsync(await presence.ReportAsync(dialogueId));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not renew the subscription to dialogue {Dialogue}", dialogueId);
                }
            }
        }
    }
}
