using Deliberation.Grains.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>
/// When the cluster declares a node dead, the dialogue grains it held reactivate elsewhere knowing
/// no listeners and no presence. Every surviving node therefore subscribes again at once to each
/// dialogue it has clients in, has the dead nodes' people forgotten, reports its own, and pushes
/// the resulting presence to its clients — a presence push that went out while this node was not
/// subscribed is never repeated otherwise. Events committed meanwhile reach the clients through
/// the heartbeat's catch-up (<see cref="RoomHeartbeats"/>; docs/architecture.md, "Live fan-out").
/// </summary>
public sealed class NodeLossRecovery(
    IClusterMembershipService membership, IGrainFactory grains, NodeConnections connections, NodeObserver observer, PresenceReporter presence, PushSender pushes, ILogger<NodeLossRecovery> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(500);
    private const int Attempts = 10;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var newlyDead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress)).Select(m => PresenceReporter.NodeIdOf(m.SiloAddress)).ToList();
            if (newlyDead.Count > 0)
                await Task.WhenAll(connections.Dialogues.ToList().Select(d => RecoverAsync(d, newlyDead, stoppingToken)));
        }
    }

    /// <summary>Retries for a few seconds: just after a death the grain directory may still be settling.</summary>
    public async Task RecoverAsync(Guid dialogueId, IReadOnlyList<string> deadNodes, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await observer.SubscribeAsync(dialogueId);
                await grains.GetGrain<IDialogueGrain>(dialogueId).ForgetNodesAsync(deadNodes);
                await pushes.SendPresenceAsync(await presence.ReportAsync(dialogueId));
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Attempts)
            {
                logger.LogDebug(e, "Subscribing again to dialogue {Dialogue} after a node loss failed; retrying", dialogueId);
                await Task.Delay(RetryAfter, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not subscribe again to dialogue {Dialogue} after a node loss; the renewal will", dialogueId);
                return;
            }
        }
    }
}
