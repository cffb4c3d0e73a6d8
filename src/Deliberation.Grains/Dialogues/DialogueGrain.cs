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
        commands = await WithTranslationsExistAsync(commands);
        var now = time.GetUtcNow();
        return await stream.ExecuteAsync(
            state => Batch.DecideAll(state, commands, (s, c) => Dialogue.Decide(s, c, actor, now), Dialogue.Apply, state.Version, actor, now),
            StreamIds.Scope(stream.State.Id), actor, now, AfterCommitAsync);
    }

    /// <summary>
    /// A settings change learns from the statements whether any clause is translated yet, which fixes
    /// the working languages (docs/domain.md, "Languages"). The grain fills it in, so no client can
    /// claim otherwise. The statements' states are read while this grain waits; they read this
    /// grain's state back interleaved, so neither waits on the other.
    /// </summary>
    private async Task<IReadOnlyList<DialogueCommand>> WithTranslationsExistAsync(IReadOnlyList<DialogueCommand> commands)
    {
        if (!commands.Any(c => c is ChangeSettings))
            return commands;
        var states = await Task.WhenAll(stream.State.Statements.Select(s => GrainFactory.GetGrain<IStatementGrain>(s.Id).GetStateAsync()));
        var translated = states.Any(s => s.Value.Clauses.Values.Any(c => !c.Translations.IsEmpty || !c.OptionTranslations.IsEmpty));
        return [.. commands.Select(c => c is ChangeSettings change ? change with { TranslationsExist = translated } : c)];
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

    public async Task<Immutable<RoomSnapshot>> GetRoomSnapshotAsync()
    {
        var dialogue = stream.State;
        var statements = await Task.WhenAll(dialogue.Statements.Select(s =>
            GrainFactory.GetGrain<IStatementGrain>(s.Id).GetSnapshotAsync(new(dialogue))));
        return new(new RoomSnapshot(dialogue, [.. statements.Select(s => s.Value)]));
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
        if (unknown.Count > 0)
        {
            var states = await Task.WhenAll(unknown.Select(s => GrainFactory.GetGrain<IStatementGrain>(s.Id).GetStateAsync()));
            foreach (var state in states)
                RememberVersion(state.Value.Id, state.Value.Version);
        }
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
    public async Task<StaleReminderAnswer> RemindStaleAsync(Guid statementId, Guid clauseId, Guid caller)
    {
        var dialogue = stream.State;
        if (dialogue.MemberOrNull(caller) is not { } member || !Holdouts.MayView(member.Role))
            return new(0, StaleReminders.NotAllowed);
        if (dialogue.Statements.All(s => s.Id != statementId))
            return new(0, RuleError.NotFound("statement.not-found", "The dialogue has no such statement."));
        var statement = (await GrainFactory.GetGrain<IStatementGrain>(statementId).GetStateAsync()).Value;
        if (statement.ClauseOrNull(clauseId) is not { } clause)
            return new(0, RuleError.NotFound("clause.not-found", "The statement has no such clause."));
        var now = time.GetUtcNow();
        if (StaleReminders.TooSoon(lastReminders.TryGetValue(clauseId, out var last) ? last : null, now) is { } tooSoon)
            return new(0, tooSoon);
        // Read the dialogue again: the roster may have moved while the statement answered.
        var recipients = Holdouts.StaleVoters(clause, stream.State);
        if (recipients.IsEmpty)
            return new(0, StaleReminders.NobodyStale);
        lastReminders[clauseId] = now;
        var number = statement.ClauseOrder.IndexOf(clauseId) + 1;
        room.PublishReminder(new StaleReminder(dialogue.Id, statementId, clauseId, number, clause.CurrentRevision, [.. recipients], now));
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
