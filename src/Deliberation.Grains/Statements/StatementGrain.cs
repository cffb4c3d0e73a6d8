using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Realtime;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.Statements;

/// <summary>
/// Decides statement commands against the dialogue's current roster and phase (read once per
/// command) through the stream's command pipeline, then answers. Its <see cref="ConsensusTracker"/>
/// follows every event, and starts afresh when the dialogue's roster, dimensions or rules change
/// (its consensus basis version) or the stream moved without it (a reload after a conflict).
/// </summary>
public sealed class StatementGrain(IEventStore store, TimeProvider time, ILogger<StatementGrain> logger)
    : Grain, IStatementGrain
{
    private EventSourcedStream<StatementState, StatementEvent> stream = null!;
    private ConsensusTracker? tracker;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, StreamIds.Statement(id), () => StatementState.Initial(id), Statement.Apply, s => s.Version);
        await stream.LoadAsync(cancellationToken);
    }

    public Task<CommandOutcome> ExecuteAsync(Guid dialogueId, StatementCommand command, Guid actor) => ExecuteBatchAsync(dialogueId, [command], actor);

    public async Task<CommandOutcome> ExecuteBatchAsync(Guid dialogueId, IReadOnlyList<StatementCommand> commands, Guid actor)
    {
        if (commands.Count == 0)
            return CommandOutcome.Ok(stream.StreamId, stream.Version);
        // The command's one read of the dialogue: it lists the statement, and its roster and phase judge the command.
        var dialogue = await DialogueAsync(dialogueId);
        if (!dialogue.Statements.Any(s => s.Id == stream.State.Id) || stream.State.Exists && stream.State.DialogueId != dialogueId)
            return NotInDialogue;
        if (!stream.State.Exists && commands[0] is CreateStatement create && create.DialogueId != dialogueId)
            return CommandOutcome.Refused(stream.StreamId, stream.Version, RuleError.Invalid("statement.wrong-dialogue", "A statement is created in its own dialogue."));

        var now = time.GetUtcNow();
        // Positions and the release they may complete commit together: no moment where k people
        // changed and the room still waits, and no release that a crash could lose.
        if (commands.Any(c => c is TakePosition or StateRange or RecordImportedPositions))
            commands = [.. commands, new ReleaseFigures(ReleaseTrigger.Threshold)];
        return await stream.ExecuteAsync(
            state => Batch.DecideAll(state, commands, (s, c) => Statement.Decide(s, c, dialogue, actor, now), Statement.Apply, state.Version, actor, now),
            StreamIds.Scope(dialogueId), actor, now,
            applied => AfterCommitAsync(dialogue, applied));
    }

    public async Task ReleaseOnPhaseChangeAsync(Guid dialogueId, Guid actor)
    {
        if (!stream.State.Exists)
            return;
        var outcome = await ExecuteBatchAsync(dialogueId, [new ReleaseFigures(ReleaseTrigger.PhaseChange)], actor);
        if (outcome.Error is { } error)
            logger.LogWarning("Statement {Statement} made no release on a phase change: {Rule}", stream.State.Id, error.Rule);
    }

    public Task<Immutable<StatementState>> GetStateAsync() => Task.FromResult(new Immutable<StatementState>(stream.State));

    public async Task<Immutable<StatementConsensus>> GetConsensusAsync()
    {
        if (!stream.State.Exists)
            return new(ConsensusCalculator.Compute(DialogueState.Initial(Guid.Empty), stream.State));
        var dialogue = await DialogueAsync(stream.State.DialogueId);
        return new(Tracker(dialogue, stream.State).Snapshot());
    }

    public Task<Immutable<StatementSnapshot>> GetSnapshotAsync(Immutable<DialogueState> dialogue)
    {
        var state = stream.State;
        var consensus = state.Exists
            ? Tracker(dialogue.Value, state).Snapshot()
            : ConsensusCalculator.Compute(DialogueState.Initial(Guid.Empty), state);
        return Task.FromResult(new Immutable<StatementSnapshot>(new(state, consensus)));
    }

    /// <summary>What only this grain does after a commit: count the events, then hand them and the consensus they moved to the dialogue's room.</summary>
    private async Task AfterCommitAsync(DialogueState dialogue, IReadOnlyList<AppliedEvent<StatementState, StatementEvent>> applied)
    {
        // Started (if it must be) on the state before the commit, so it sees each new event exactly once.
        var current = Tracker(dialogue, applied[0].Before);
        foreach (var (before, e, after, _) in applied)
            current.Observe(before, e, after);
        IReadOnlyList<ClauseConsensus> changed = [.. applied.Select(a => Statement.ClauseAffectedBy(a.Event)).OfType<Guid>().Distinct().Select(current.Clause)];
        var changes = new StatementChanges(stream.State.Id, stream.Version, [.. applied.Select(a => RecordedEvent.Envelope(a.Stored, a.Event))], changed, current.HasConsensus);
        try
        {
            await GrainFactory.GetGrain<IDialogueGrain>(dialogue.Id).PublishAsync(new(changes));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Committed is committed: a client that missed the push catches up when it rejoins.
            logger.LogWarning(e, "Could not publish statement {Statement} events to dialogue {Dialogue}", stream.State.Id, dialogue.Id);
        }
    }

    /// <summary>The answer for a statement its dialogue does not list; version 0, so it tells nothing about a statement elsewhere.</summary>
    private CommandOutcome NotInDialogue =>
        CommandOutcome.Refused(stream.StreamId, 0, RuleError.NotFound("statement.not-found", "The dialogue has no such statement."));

    private async Task<DialogueState> DialogueAsync(Guid dialogueId) =>
        (await GrainFactory.GetGrain<IDialogueGrain>(dialogueId).GetStateAsync()).Value;

    /// <summary>The tracker counting on <paramref name="dialogue"/>'s basis, at <paramref name="statement"/>'s version.</summary>
    private ConsensusTracker Tracker(DialogueState dialogue, StatementState statement)
    {
        if (tracker is null || tracker.BasisVersion != dialogue.ConsensusBasisVersion || tracker.StatementVersion != statement.Version)
            tracker = ConsensusTracker.Start(dialogue, statement);
        return tracker;
    }
}
