using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.History;
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
public sealed class StatementGrain(IEventStore store, IHistoryIntegrity integrity, TimeProvider time, ILogger<StatementGrain> logger)
    : Grain, IStatementGrain
{
    private EventSourcedStream<StatementState, StatementEvent> stream = null!;
    private ConsensusTracker? tracker;

    // Commands waiting for the next group commit, and whether a commit loop is running (ExecuteBatchAsync).
    private readonly Queue<QueuedCommand> queued = new();
    private bool committing;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, integrity, StreamIds.Statement(id), () => StatementState.Initial(id), Statement.Apply, s => s.Version,
            read: Statement.ReadNumberedAsOneAsync);
        await stream.LoadAsync(cancellationToken);
    }

    public Task<CommandOutcome> ExecuteAsync(Guid dialogueId, StatementCommand command, Guid actor) => ExecuteBatchAsync(dialogueId, [command], actor);

    /// <remarks>
    /// Group commit (docs/performance.md, "What was done about it"): a command that arrives while a
    /// commit is in flight waits in <see cref="queued"/>, and everything that gathered is decided in
    /// one turn, in arrival order, and committed in one transaction when that commit ends. The calls
    /// interleave (<c>[AlwaysInterleave]</c> on the interface) only to be queued; one loop at a time
    /// decides and commits, so the stream still sees one command after another. In a busy room a
    /// command used to hold the grain for its dialogue read, its insert, its fsync and its publish,
    /// one command after another; now a burst pays for them once.
    /// </remarks>
    public Task<CommandOutcome> ExecuteBatchAsync(Guid dialogueId, IReadOnlyList<StatementCommand> commands, Guid actor)
    {
        if (commands.Count == 0 && queued.Count == 0 && !committing)
            return Task.FromResult(CommandOutcome.Ok(stream.StreamId, stream.Version));
        var command = new QueuedCommand(dialogueId, commands, actor);
        queued.Enqueue(command);
        if (!committing)
        {
            committing = true;
            // On this activation's scheduler, like the calls themselves: no two turns at once.
            _ = CommitQueuedAsync();
        }
        return command.Answer.Task;
    }

    private sealed record QueuedCommand(Guid DialogueId, IReadOnlyList<StatementCommand> Commands, Guid Actor)
    {
        public TaskCompletionSource<CommandOutcome> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A freeze binds the stream's head as it is when decided, so it is committed alone (<see cref="WithHistoryHeadsAsync"/>).</summary>
        public bool Freezes => Commands.Any(c => c is FreezeStatement);
    }

    private async Task CommitQueuedAsync()
    {
        try
        {
            while (queued.Count > 0)
            {
                var group = NextGroup();
                try
                {
                    await CommitGroupAsync(group);
                }
                catch (Exception e)
                {
                    // Nothing was acknowledged: each caller learns that its command failed.
                    foreach (var command in group)
                        command.Answer.TrySetException(e);
                }
            }
        }
        finally
        {
            committing = false;
        }
    }

    /// <summary>What queued, in order, about one dialogue; a freeze goes alone.</summary>
    private List<QueuedCommand> NextGroup()
    {
        var group = new List<QueuedCommand> { queued.Dequeue() };
        if (group[0].Freezes)
            return group;
        while (queued.TryPeek(out var next) && next.DialogueId == group[0].DialogueId && !next.Freezes)
            group.Add(queued.Dequeue());
        return group;
    }

    private async Task CommitGroupAsync(List<QueuedCommand> group)
    {
        var dialogueId = group[0].DialogueId;
        // The group's one read of the dialogue, made after every command in it arrived: it lists the
        // statement, and its roster and phase judge each command.
        var dialogue = await DialogueAsync(dialogueId);
        var now = time.GetUtcNow();
        var deciding = new List<(QueuedCommand Command, Func<StatementState, Decision<StatementEvent>> Decide)>();
        foreach (var command in group)
        {
            if (Admission(command, dialogue) is { } refused)
            {
                command.Answer.TrySetResult(refused);
                continue;
            }
            if (command.Commands.Count == 0)
            {
                deciding.Add((command, _ => Decision<StatementEvent>.Accept()));
                continue;
            }
            var commands = await WithHistoryHeadsAsync(command.Commands, dialogue);
            // Positions and the release they may complete commit together: no moment where k people
            // changed and the room still waits, and no release that a crash could lose.
            if (commands.Any(c => c is TakePosition or StateRange or RecordImportedPositions))
                commands = [.. commands, new ReleaseFigures(ReleaseTrigger.Threshold)];
            var actor = command.Actor;
            deciding.Add((command, state => Batch.DecideAll(state, commands, (s, c) => Statement.Decide(s, c, dialogue, actor, now), Statement.Apply, state.Version, actor, now)));
        }
        if (deciding.Count == 0)
            return;
        var outcomes = await stream.ExecuteGroupAsync(
            [.. deciding.Select(d => (d.Decide, d.Command.Actor))], StreamIds.Scope(dialogueId), now,
            applied => AfterCommitAsync(dialogue, applied));
        for (var i = 0; i < deciding.Count; i++)
            deciding[i].Command.Answer.TrySetResult(outcomes[i]);
    }

    /// <summary>A command about another dialogue, or a creation in the wrong one, is refused before it is decided.</summary>
    private CommandOutcome? Admission(QueuedCommand command, DialogueState dialogue)
    {
        if (!dialogue.Statements.Any(s => s.Id == stream.State.Id) || stream.State.Exists && stream.State.DialogueId != command.DialogueId)
            return NotInDialogue;
        if (!stream.State.Exists && command.Commands.Count > 0 && command.Commands[0] is CreateStatement create && create.DialogueId != command.DialogueId)
            return CommandOutcome.Refused(stream.StreamId, stream.Version, RuleError.Invalid("statement.wrong-dialogue", "A statement is created in its own dialogue."));
        return null;
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

    /// <summary>
    /// A freeze binds the heads of the two streams as this command sees them: the dialogue it was
    /// read at and this statement before the freeze. The grain fills them in, so no client can name
    /// a history; the decider refuses heads that are not the current ones (a freeze later in a batch).
    /// </summary>
    private async Task<IReadOnlyList<StatementCommand>> WithHistoryHeadsAsync(IReadOnlyList<StatementCommand> commands, DialogueState dialogue)
    {
        if (!commands.Any(c => c is FreezeStatement { Heads: null }) || !stream.State.Exists)
            return commands;
        var heads = new HistoryHeads(
            await store.HeadAtAsync(StreamIds.Dialogue(dialogue.Id), dialogue.Version),
            await store.HeadAtAsync(stream.StreamId, stream.Version));
        return [.. commands.Select(c => c is FreezeStatement { Heads: null } freeze ? freeze with { Heads = heads } : c)];
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
