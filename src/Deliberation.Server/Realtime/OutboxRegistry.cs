using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Realtime;

/// <summary>
/// The node's <see cref="DialogueOutbox"/>es, two per dialogue with clients here: events go out
/// at once (after a short window), figures at most a few times a second, the newest of each clause
/// winning. Each travels in its own order. Outboxes of dialogues nobody here is in any more are
/// released with each subscription renewal; a later join starts new ones.
/// </summary>
public sealed class OutboxRegistry(NodeConnections connections, PushSender pushes, PushMetrics metrics, IConfiguration configuration, TimeProvider time, ILogger<OutboxRegistry> logger)
{
    private readonly TimeSpan eventWindow = TimeSpan.FromMilliseconds(configuration.GetValue("Realtime:PushWindowMilliseconds", 10));

    // A big room is pushed less often (PushBudget).
    private readonly PushBudget budget = new(configuration);

    // A node that fell behind sends its backlog in pushes of at most this many events, each a message
    // per connection: a message as large as the backlog was copied into every connection's pipe.
    private readonly int maxEventsPerPush = Math.Max(1, configuration.GetValue("Realtime:MaxEventsPerPush", 64));

    // The matrix is read by people: a few updates a second look live, and each update skipped is a
    // message fewer per connection, the cost that grows with the room.
    private readonly TimeSpan consensusWindow = TimeSpan.FromMilliseconds(configuration.GetValue("Realtime:ConsensusWindowMilliseconds", 200));

    private readonly Dictionary<Guid, (DialogueOutbox Events, DialogueOutbox Consensus)> outboxes = [];

    public void Post(Guid dialogueId, IReadOnlyList<RecordedEventEnvelope> events) => OutboxesOf(dialogueId).Events.Post(events);

    public void Post(Guid dialogueId, ConsensusDelta delta) => OutboxesOf(dialogueId).Consensus.Post(delta);

    /// <summary>Ends the outboxes of dialogues nobody on this node is in any more, after they send what they hold.</summary>
    public void ReleaseIdle()
    {
        lock (outboxes)
        {
            foreach (var dialogueId in outboxes.Keys.Where(d => connections.CountIn(d) == 0).ToList())
            {
                var (events, consensus) = outboxes[dialogueId];
                outboxes.Remove(dialogueId);
                events.Complete();
                consensus.Complete();
            }
        }
    }

    private (DialogueOutbox Events, DialogueOutbox Consensus) OutboxesOf(Guid dialogueId)
    {
        lock (outboxes)
        {
            if (!outboxes.TryGetValue(dialogueId, out var pair))
                outboxes[dialogueId] = pair = (
                    new DialogueOutbox($"Dialogue {dialogueId}'s events", () => EventWindow(dialogueId), maxEventsPerPush, batch => pushes.SendAsync(dialogueId, batch), time, logger, metrics.For("events")),
                    // Figures are merged by clause, so a batch of them is never larger than the statements.
                    new DialogueOutbox($"Dialogue {dialogueId}'s figures", () => consensusWindow, int.MaxValue, batch => pushes.SendAsync(dialogueId, batch), time, logger, metrics.For("figures")));
            return pair;
        }
    }

    private TimeSpan EventWindow(Guid dialogueId) =>
        budget.Window(eventWindow, connections.CountIn(dialogueId));
}
