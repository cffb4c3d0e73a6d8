using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.Statements;

/// <summary>
/// Decides statement commands against the dialogue's current roster and phase, commits, then
/// answers. Its <see cref="ConsensusTracker"/> follows every event, and starts afresh when the
/// dialogue's roster, dimensions or rules change (its consensus basis version).
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
        var command = commands[0];
        if (stream.State.Exists && stream.State.DialogueId != dialogueId)
            return CommandOutcome.Refused(stream.StreamId, stream.Version, RuleError.NotFound("statement.not-found", "The dialogue has no such statement."));
        if (!stream.State.Exists && command is CreateStatement create && create.DialogueId != dialogueId)
            return CommandOutcome.Refused(stream.StreamId, stream.Version, RuleError.Invalid("statement.wrong-dialogue", "A statement is created in its own dialogue."));

        var dialogue = await DialogueAsync(dialogueId);
        var now = time.GetUtcNow();
        var decision = Batch.DecideAll(stream.State, commands, (s, c) => Statement.Decide(s, c, dialogue, actor, now), Statement.Apply, stream.Version, actor, now);
        if (decision.Error is { } error)
            return CommandOutcome.Refused(stream.StreamId, stream.Version, error);
        if (decision.Events.Count == 0)
            return CommandOutcome.Ok(stream.StreamId, stream.Version);
        // Taken before the commit, so the tracker sees each new event exactly once.
        var current = Tracker(dialogue);
        try
        {
            var applied = await stream.CommitAsync(decision.Events, StreamIds.Scope(dialogueId), actor, now);
            foreach (var (before, e, after, _) in applied)
                current.Observe(before, e, after);
            await PublishAsync(dialogueId, applied.Select(a => (a.Event, a.Stored)).ToList(), current);
        }
        catch (ConcurrencyConflictException)
        {
            await stream.LoadAsync();
            tracker = null;
            return CommandOutcome.Refused(stream.StreamId, stream.Version,
                RuleError.Conflict("stream.concurrent-write", "The statement changed at the same moment; try again."));
        }
        return CommandOutcome.Ok(stream.StreamId, stream.Version);
    }

    public Task<Immutable<StatementState>> GetStateAsync() => Task.FromResult(new Immutable<StatementState>(stream.State));

    public async Task<Immutable<StatementConsensus>> GetConsensusAsync()
    {
        if (!stream.State.Exists)
            return new(ConsensusCalculator.Compute(DialogueState.Initial(Guid.Empty), stream.State));
        var dialogue = await DialogueAsync(stream.State.DialogueId);
        return new(Tracker(dialogue).Snapshot());
    }

    /// <summary>Hands committed events and the clauses whose figures they moved to the dialogue's room.</summary>
    private async Task PublishAsync(Guid dialogueId, IReadOnlyList<(StatementEvent Event, StoredEvent Stored)> applied, ConsensusTracker tracker)
    {
        var room = GrainFactory.GetGrain<IDialogueGrain>(dialogueId);
        try
        {
            await room.PublishAsync(new([.. applied.Select(a => RecordedEvent.Envelope(a.Stored, a.Event))]));
            IReadOnlyList<ClauseConsensus> changed = [.. applied.Select(a => ClauseOf(a.Event)).OfType<Guid>().Distinct().Select(tracker.Clause)];
            await room.PublishConsensusAsync(stream.State.Id, stream.Version, new(changed), tracker.HasConsensus);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Committed is committed: a client that missed the push catches up when it rejoins.
            logger.LogWarning(e, "Could not publish statement {Statement} events to dialogue {Dialogue}", stream.State.Id, dialogueId);
        }
    }

    private static Guid? ClauseOf(StatementEvent e) => e switch
    {
        ClauseAdded c => c.ClauseId,
        ClauseRevised c => c.ClauseId,
        ClauseWithdrawn c => c.ClauseId,
        PositionTaken c => c.ClauseId,
        RangeStated c => c.ClauseId,
        _ => null,
    };

    private async Task<DialogueState> DialogueAsync(Guid dialogueId) =>
        (await GrainFactory.GetGrain<IDialogueGrain>(dialogueId).GetStateAsync()).Value;

    private ConsensusTracker Tracker(DialogueState dialogue)
    {
        if (tracker is null || tracker.BasisVersion != dialogue.ConsensusBasisVersion)
            tracker = ConsensusTracker.Start(dialogue, stream.State);
        return tracker;
    }
}
