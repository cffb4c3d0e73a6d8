using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.Dialogues;

/// <summary>
/// Decides dialogue commands one at a time, commits their events, and only then answers. It also
/// keeps the dialogue list and invite index (read models) in step with its events.
/// </summary>
public sealed class DialogueGrain(IEventStore store, IDialogueDirectory directory, TimeProvider time, ILogger<DialogueGrain> logger)
    : Grain, IDialogueGrain
{
    private EventSourcedStream<DialogueState, DialogueEvent> stream = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, StreamIds.Dialogue(id), StreamIds.Scope(id), () => DialogueState.Initial(id), Dialogue.Apply, s => s.Version);
        await stream.LoadAsync(cancellationToken);
        if (stream.State.Exists)
            await ReadModels.SyncAllAsync(directory, stream.State, cancellationToken);
    }

    public Task<CommandOutcome> ExecuteAsync(DialogueCommand command, Guid actor) => ExecuteBatchAsync([command], actor);

    public async Task<CommandOutcome> ExecuteBatchAsync(IReadOnlyList<DialogueCommand> commands, Guid actor)
    {
        var now = time.GetUtcNow();
        var decision = Batch.DecideAll(stream.State, commands, (s, c) => Dialogue.Decide(s, c, actor, now), Dialogue.Apply, stream.Version, actor, now);
        if (decision.Error is { } error)
            return CommandOutcome.Refused(stream.StreamId, stream.Version, error);
        if (decision.Events.Count == 0)
            return CommandOutcome.Ok(stream.StreamId, stream.Version);
        try
        {
            var applied = await stream.CommitAsync(decision.Events, actor, now);
            await ReadModels.ProjectAsync(directory, stream.State, applied.Select(a => a.Event));
        }
        catch (ConcurrencyConflictException)
        {
            // Another activation wrote first (a node handing over): reload and let the caller retry.
            await stream.LoadAsync();
            return CommandOutcome.Refused(stream.StreamId, stream.Version,
                RuleError.Conflict("stream.concurrent-write", "The dialogue changed at the same moment; try again."));
        }
        return CommandOutcome.Ok(stream.StreamId, stream.Version);
    }

    public Task<Immutable<DialogueState>> GetStateAsync() => Task.FromResult(new Immutable<DialogueState>(stream.State));
}
