using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Realtime;
using Deliberation.Grains.Statements;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Deliberation.Grains.Dialogues;

/// <summary>
/// Decides dialogue commands one at a time through the stream's command pipeline, commits their
/// events, and only then answers. It also keeps the dialogue list and invite index (read models)
/// in step with its events, and holds the room its statements publish to.
/// </summary>
/// <remarks>
/// It never waits on a statement grain (calls to them are one-way): every statement command waits
/// on this grain's state, so a wait the other way closes a circle. Two activations deactivated at
/// once — as a surviving node deactivates the grains whose directory entries died with another —
/// each finish their running calls first and hold the calls arriving meanwhile; a dialogue whose
/// call waited on its statement while the statement's command waited on the dialogue stood still
/// until both calls timed out (docs/architecture.md, "Calls that wait").
/// </remarks>
public sealed class DialogueGrain(IEventStore store, IHistoryIntegrity integrity, IDialogueDirectory directory, IOptions<RoomTimings> timings, TimeProvider time, ILogger<DialogueGrain> logger)
    : Grain, IDialogueGrain
{
    private EventSourcedStream<DialogueState, DialogueEvent> stream = null!;
    private DialogueRoom room = null!;

    /// <summary>When each clause's stale delegates were last reminded; in memory, like the room: a reactivated grain forgets, which only allows one reminder early.</summary>
    private readonly Dictionary<Guid, DateTimeOffset> lastReminders = [];

    /// <summary>
    /// Each statement's latest version as its publishes said, for the heartbeat; in memory: a
    /// reactivated grain asks the statements once (<see cref="BeatAsync"/>).
    /// </summary>
    private readonly Dictionary<Guid, long> statementVersions = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, integrity, StreamIds.Dialogue(id), () => DialogueState.Initial(id), Dialogue.Apply, s => s.Version);
        room = new DialogueRoom(id, timings.Value.SubscriptionExpiry, time, logger);
        await stream.LoadAsync(cancellationToken);
        if (stream.State.Exists)
            await ReadModels.SyncAllAsync(directory, store, stream.StreamId, stream.State, cancellationToken);
    }

    public Task<CommandOutcome> ExecuteAsync(DialogueCommand command, Guid actor) => ExecuteBatchAsync([command], actor);

    public async Task<CommandOutcome> ExecuteBatchAsync(IReadOnlyList<DialogueCommand> commands, Guid actor)
    {
        var now = time.GetUtcNow();
        return await stream.ExecuteAsync(
            state => Batch.DecideAll(state, commands, (s, c) => Dialogue.Decide(s, c, actor, now), Dialogue.Apply, state.Version, actor, now),
            StreamIds.Scope(stream.State.Id), actor, now, AfterCommitAsync);
    }

    /// <summary>What only this grain does after a commit: tell the room, ask for releases after a phase change, then bring the read models up to date.</summary>
    private Task AfterCommitAsync(IReadOnlyList<AppliedEvent<DialogueState, DialogueEvent>> applied)
    {
        room.Publish([.. applied.Select(a => RecordedEvent.Envelope(a.Stored, a.Event))]);
        if (applied.Any(a => a.Event is PhaseChanged))
            RequestReleases(applied[^1].Stored.Actor);
        return ReadModels.ProjectAsync(directory, stream.State, applied.Select(a => a.Event));
    }

    /// <summary>
    /// One-way calls, not awaited: each statement decides its release reading this dialogue back,
    /// which must not wait behind this turn.
    /// </summary>
    private void RequestReleases(string actor)
    {
        if (!Guid.TryParse(actor, out var chair))
            return;
        foreach (var statement in stream.State.Statements)
            _ = GrainFactory.GetGrain<IStatementGrain>(statement.Id).ReleaseOnPhaseChangeAsync(stream.State.Id, chair);
    }

    public Task<Immutable<DialogueState>> GetStateAsync()
    {
        // Asked about a dialogue that does not exist (yet): an import still writing it is invisible to
        // the store's reads (docs/architecture.md, "Imports"), so this activation must not outlive the
        // call holding "no such dialogue" once the import is made visible; the next call loads afresh.
        if (!stream.State.Exists)
            DeactivateOnIdle();
        return Task.FromResult(new Immutable<DialogueState>(stream.State));
    }

    public Task SubscribeAsync(IDialogueObserver observer)
    {
        room.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IDialogueObserver observer)
    {
        room.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(Immutable<StatementChanges> changes)
    {
        var (statementId, version, events, clauses, hasConsensus) = changes.Value;
        RememberVersion(statementId, version);
        room.Publish(events);
        room.PublishConsensus(statementId, version, clauses, hasConsensus);
        return Task.CompletedTask;
    }

    public async Task<RoomBeat> BeatAsync(IDialogueObserver? listener)
    {
        // Before the versions are read: whatever commits after them reaches the node as a push.
        var wasListening = listener is null || room.EnsureSubscribed(listener);
        var dialogue = stream.State;
        var unknown = dialogue.Statements.Where(s => !statementVersions.ContainsKey(s.Id)).ToList();
        // From the store, not the statements (see the class remarks); once per activation.
        foreach (var statement in unknown)
            RememberVersion(statement.Id, await store.StreamVersionAsync(StreamIds.Statement(statement.Id)));
        var versions = dialogue.Statements
            .Select(s => KeyValuePair.Create(StreamIds.Statement(s.Id), statementVersions.GetValueOrDefault(s.Id)))
            .Prepend(KeyValuePair.Create(StreamIds.Dialogue(dialogue.Id), dialogue.Version))
            .ToImmutableDictionary();
        return new RoomBeat(versions, wasListening);
    }

    // Publishes are one-way and may arrive out of order with a read of the statement: the highest wins.
    private void RememberVersion(Guid statementId, long version) =>
        statementVersions[statementId] = Math.Max(version, statementVersions.GetValueOrDefault(statementId));

    public Task<Presence> ReportPresenceAsync(string node, IReadOnlyList<PresentMember> members)
    {
        room.ReportPresence(node, [.. members]);
        return Task.FromResult(room.Current());
    }

    public Task<Presence> ForgetNodesAsync(IReadOnlyList<string> nodes)
    {
        room.ForgetNodes([.. nodes]);
        return Task.FromResult(room.Current());
    }

    /// <summary>
    /// Judged here, not on a node: the grain is the one place a clause's last reminder is known to
    /// every node, and it turns one call at a time, so two chairs pressing at once send one reminder.
    /// </summary>
    public Task<StaleReminderAnswer> RemindStaleAsync(Immutable<StatementState> statementState, Guid clauseId, Guid caller) =>
        Task.FromResult(RemindStale(statementState.Value, clauseId, caller));

    private StaleReminderAnswer RemindStale(StatementState statement, Guid clauseId, Guid caller)
    {
        var dialogue = stream.State;
        if (dialogue.MemberOrNull(caller) is not { } member || !Holdouts.MayView(member.Role))
            return new(0, StaleReminders.NotAllowed);
        if (!statement.Exists || dialogue.Statements.All(s => s.Id != statement.Id))
            return new(0, RuleError.NotFound("statement.not-found", "The dialogue has no such statement."));
        if (statement.ClauseOrNull(clauseId) is not { } clause)
            return new(0, RuleError.NotFound("clause.not-found", "The statement has no such clause."));
        var now = time.GetUtcNow();
        if (StaleReminders.TooSoon(lastReminders.TryGetValue(clauseId, out var last) ? last : null, now) is { } tooSoon)
            return new(0, tooSoon);
        var recipients = Holdouts.StaleVoters(clause, dialogue);
        if (recipients.IsEmpty)
            return new(0, StaleReminders.NobodyStale);
        lastReminders[clauseId] = now;
        var number = statement.ClauseOrder.IndexOf(clauseId) + 1;
        room.PublishReminder(new StaleReminder(dialogue.Id, statement.Id, clauseId, number, clause.CurrentRevision, [.. recipients], now));
        return new(recipients.Length, null);
    }

    public Task<RuleError?> PreviewDraftAsync(DraftPreview preview)
    {
        var refusal = Statement.JudgeDraft(stream.State, preview.Author, preview.Text);
        if (refusal is null)
            room.PublishDraft(preview);
        return Task.FromResult(refusal);
    }
}
