using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Realtime;
using Microsoft.Extensions.Options;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Every <see cref="RoomTimings.HeartbeatEvery"/> (a second as shipped), tells this node's clients
/// in each dialogue each stream's latest version, read from the dialogue grain. A push can be lost
/// on the way — a subscription that lapsed, a grain that reactivated elsewhere before the node
/// subscribed again — and the versions make the loss visible at once: a client behind them catches
/// up by itself (docs/architecture.md, "Live fan-out").
/// </summary>
public sealed class RoomHeartbeats(IGrainFactory grains, NodeConnections connections, PushSender pushes, IOptions<RoomTimings> timings, ILogger<RoomHeartbeats> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(timings.Value.HeartbeatEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await Task.WhenAll(connections.Dialogues.ToList().Select(BeatAsync));
    }

    public async Task BeatAsync(Guid dialogueId)
    {
        try
        {
            var versions = await grains.GetGrain<IDialogueGrain>(dialogueId).GetStreamVersionsAsync();
            await pushes.SendHeartbeatAsync(dialogueId, versions);
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("Heartbeat of dialogue {Dialogue} sent: {Versions}", dialogueId, string.Join(", ", versions.Select(v => $"{v.Key}={v.Value}")));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A silo that just died may hold the grain until the cluster declares it dead: the next beat tries again.
            logger.LogDebug(e, "No heartbeat for dialogue {Dialogue}", dialogueId);
        }
    }
}
