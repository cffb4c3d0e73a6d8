using Deliberation.Domain.Consensus;
using Deliberation.Grains.Realtime;

namespace Deliberation.Grains.Realtime;

/// <summary>
/// What a node hears from a dialogue's grains to fan out to its own SignalR connections.
/// One-way: a slow or dead node never holds up a grain.
/// </summary>
[Alias("Deliberation.IDialogueObserver")]
public interface IDialogueObserver : IGrainObserver
{
    /// <summary>Committed events of one stream. Immutable: a node in the grain's own process is handed the list, not a copy.</summary>
    [OneWay, Alias("EventsAppended")]
    Task EventsAppendedAsync(Guid dialogueId, Immutable<IReadOnlyList<RecordedEventEnvelope>> events);

    /// <summary>The unredacted figures of clauses whose consensus changed; the node redacts per viewer.</summary>
    [OneWay, Alias("ConsensusChanged")]
    Task ConsensusChangedAsync(Guid dialogueId, Guid statementId, long statementVersion, Immutable<IReadOnlyList<ClauseConsensus>> clauses, bool hasConsensus);

    [OneWay, Alias("PresenceChanged")]
    Task PresenceChangedAsync(Presence presence);

    [OneWay, Alias("DraftPreview")]
    Task DraftPreviewAsync(DraftPreview preview);

    /// <summary>For the recipients' connections on this node only.</summary>
    [OneWay, Alias("StaleReminder")]
    Task StaleReminderAsync(StaleReminder reminder);
}
