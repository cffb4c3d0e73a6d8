using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Realtime;

namespace Deliberation.Grains.Dialogues;

/// <summary>One dialogue: settings, roster, phase and the room. One event stream.</summary>
[Alias("Deliberation.IDialogueGrain")]
public interface IDialogueGrain : IGrainWithGuidKey
{
    [Alias("Execute")]
    Task<CommandOutcome> ExecuteAsync(DialogueCommand command, Guid actor);

    /// <summary>Runs commands all-or-nothing, committed together (imports, seeding).</summary>
    [Alias("ExecuteBatch")]
    Task<CommandOutcome> ExecuteBatchAsync(IReadOnlyList<DialogueCommand> commands, Guid actor);

    /// <summary>The state, not copied: callers must treat it as the immutable record it is.</summary>
    /// <remarks>
    /// Interleaves with whatever the grain is doing: it only hands over the current immutable
    /// state (in the middle of a command, the state before it: events apply only once committed),
    /// and it must not wait. Every statement command reads it, so it must not queue behind
    /// this grain's own commands, imports and settings changes among them.
    /// </remarks>
    [AlwaysInterleave, Alias("GetState")]
    Task<Immutable<DialogueState>> GetStateAsync();

    /// <summary>A node listens to the dialogue; it renews within <c>RoomTimings.SubscriptionExpiry</c> or is dropped.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IDialogueObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IDialogueObserver observer);

    /// <summary>
    /// A statement of this dialogue committed events: pass them and the consensus they moved on to
    /// the listening nodes. One-way, so a statement's next command does not wait on the room; what
    /// is committed stays committed, and a client that misses a push sees the gap by version and
    /// catches up. Immutable: in-process calls hand the changes over instead of copying them.
    /// </summary>
    [OneWay, Alias("PublishStatementChanges")]
    Task PublishAsync(Immutable<StatementChanges> changes);

    /// <summary>
    /// Each of the dialogue's streams (its own and its statements') with its latest committed
    /// version, for the nodes' heartbeats; kept in memory from what the statements publish.
    /// With <paramref name="listener"/> (the beating node's observer), the room also makes sure that
    /// node is subscribed: one it no longer knows — the subscription lapsed, or this grain
    /// reactivated elsewhere and knows nobody — is subscribed again before the versions are read, so
    /// every event after them is pushed, and the answer says so (<see cref="RoomBeat.WasListening"/>).
    /// A known node is not renewed here: renewals stay the renewal's, so a node that stops beating
    /// still lapses. A freshly activated grain reads its statements' versions from the store once
    /// (it never waits on a statement: <see cref="DialogueGrain"/>). Interleaved, so that read does
    /// not hold the other calls here, subscriptions after a node loss among them.
    /// </summary>
    [AlwaysInterleave, Alias("Beat")]
    Task<RoomBeat> BeatAsync(IDialogueObserver? listener);

    /// <summary>Who is connected through one node (its full list); returns the merged presence.</summary>
    [Alias("ReportPresence")]
    Task<Presence> ReportPresenceAsync(string node, IReadOnlyList<PresentMember> members);

    /// <summary>Drops the presence reported through nodes the cluster declared dead; returns the merged presence.</summary>
    [Alias("ForgetNodes")]
    Task<Presence> ForgetNodesAsync(IReadOnlyList<string> nodes);

    /// <summary>Relays a drafter's uncommitted text to the room, if she may edit it now.</summary>
    [Alias("PreviewDraft")]
    Task<RuleError?> PreviewDraftAsync(DraftPreview preview);

    /// <summary>
    /// Reminds the delegates whose position on the clause is stale, if the caller may and the
    /// clause's delegates were not reminded in the last minute (docs/consensus.md, "Holdouts").
    /// The node reads the statement and hands it over: this grain never waits on a statement.
    /// </summary>
    [Alias("RemindStale")]
    Task<StaleReminderAnswer> RemindStaleAsync(Immutable<StatementState> statement, Guid clauseId, Guid caller);
}
