using System.Collections.Concurrent;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.Realtime;
using Microsoft.Extensions.Options;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Every <see cref="RoomTimings.HeartbeatEvery"/> (a second as shipped), tells this node's clients
/// in each dialogue each stream's latest version, read from the dialogue grain. A push can be lost
/// on the way — a subscription that lapsed, a grain that reactivated elsewhere before the node
/// subscribed again — and the versions make the loss visible at once: a client behind them catches
/// up by itself. The same call mends the loss: a grain that no longer knew this node subscribes it
/// again, and the node re-reports who is connected through it (docs/architecture.md, "Live fan-out").
/// </summary>
/// <remarks>
/// Each dialogue beats on its own: a tick starts every dialogue's beat and waits for none of them,
/// so one slow or hung grain call (up to the 30 s call timeout) holds only its own dialogue's beat,
/// never another room's. A dialogue whose previous beat is still on its way skips the tick rather
/// than pile calls onto a grain that is already slow to answer.
/// </remarks>
public sealed class RoomHeartbeats(
    IGrainFactory grains, NodeConnections connections, NodeObserver observer, PresenceReporter presence, PushSender pushes, IOptions<RoomTimings> timings, ILogger<RoomHeartbeats> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, byte> beating = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(timings.Value.HeartbeatEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            foreach (var dialogueId in connections.Dialogues.ToList())
                if (beating.TryAdd(dialogueId, 0))
                    _ = BeatThenReleaseAsync(dialogueId);
                else
                    logger.LogDebug("Dialogue {Dialogue}'s previous heartbeat is still on its way; this tick skips it", dialogueId);
    }

    private async Task BeatThenReleaseAsync(Guid dialogueId)
    {
        try
        {
            await BeatAsync(dialogueId);
        }
        finally
        {
            beating.TryRemove(dialogueId, out _);
        }
    }

    public async Task BeatAsync(Guid dialogueId)
    {
        try
        {
            var heals = timings.Value.HeartbeatHealsSubscriptions;
            var beat = await grains.GetGrain<IDialogueGrain>(dialogueId).BeatAsync(heals ? observer.Reference : null);
            await pushes.SendHeartbeatAsync(dialogueId, beat.Versions);
            if (logger.IsEnabled(LogLevel.Debug))
                logger.LogDebug("Heartbeat of dialogue {Dialogue} sent: {Versions}", dialogueId, string.Join(", ", beat.Versions.Select(v => $"{v.Key}={v.Value}")));
            if (!beat.WasListening)
            {
                logger.LogInformation("Dialogue {Dialogue} had lost this node's subscription; the heartbeat subscribed it again", dialogueId);
                // The grain forgot this node's presence with its subscription, and a presence push made
                // meanwhile is never repeated: report, and show this node's clients what the grain holds now.
                await pushes.SendPresenceAsync(await presence.ReportAsync(dialogueId));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A silo that just died may hold the grain until the cluster declares it dead: the next beat tries again.
            logger.LogDebug(e, "No heartbeat for dialogue {Dialogue}", dialogueId);
        }
    }
}
