namespace Deliberation.Grains.Realtime;

/// <summary>
/// How long a dialogue grain keeps a node's subscription (and its presence report) without renewal,
/// and how often nodes renew. Bound from the <c>Realtime</c> section (docs/operations.md); a node
/// that died falls silent and out after <see cref="SubscriptionExpiry"/>.
/// </summary>
public sealed class RoomTimings
{
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Well within the expiry, so a live node is never dropped between two renewals.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a node tells its clients each stream's latest version, so a client that missed a
    /// push notices within this and catches up (issue 10's delivery bound: a second plus this).
    /// </summary>
    public TimeSpan HeartbeatEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a heartbeat also subscribes its node again when the grain no longer knows it, so a
    /// lost subscription is mended within a heartbeat instead of at the next renewal. Off only where
    /// a lapse must last — the tests of the heartbeat's catch-up, which need a real loss to catch up from.
    /// </summary>
    public bool HeartbeatHealsSubscriptions { get; set; } = true;
}
