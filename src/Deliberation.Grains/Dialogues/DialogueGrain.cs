using Deliberation.Domain;
using System.Collections.Immutable;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Realtime;
using Deliberation.Grains.EventSourcing;
using Deliberation.Grains.Realtime;
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
    private DialogueRoom room = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, StreamIds.Dialogue(id), () => DialogueState.Initial(id), Dialogue.Apply, s => s.Version);
        room = new DialogueRoom(id, time, logger);
        await stream.LoadAsync(cancellationToken);
        if (stream.State.Exists)
            await ReadModels.SyncAllAsync(directory, store, stream.StreamId, stream.State, cancellationToken);
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
            var applied = await stream.CommitAsync(decision.Events, StreamIds.Scope(stream.State.Id), actor, now);
            room.Publish([.. applied.Select(a => RecordedEvent.Envelope(a.Stored, a.Event))]);
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

    public Task PublishAsync(Immutable<IReadOnlyList<RecordedEventEnvelope>> events)
    {
        room.Publish(events.Value);
        return Task.CompletedTask;
    }

    public Task PublishConsensusAsync(Guid statementId, long version, Immutable<IReadOnlyList<ClauseConsensus>> clauses, bool hasConsensus)
    {
        room.PublishConsensus(statementId, version, clauses.Value, hasConsensus);
        return Task.CompletedTask;
    }

    public Task<Presence> ReportPresenceAsync(string node, IReadOnlyList<PresentMember> members)
    {
        room.ReportPresence(node, [.. members]);
        return Task.FromResult(room.Current());
    }

    public Task<RuleError?> PreviewDraftAsync(DraftPreview preview)
    {
        var member = stream.State.MemberOrNull(preview.Author);
        RuleError? refusal = member is null || !member.Role.Drafts()
            ? RuleError.Forbidden("role.not-rapporteur", "Only the rapporteur or facilitator drafts text.")
            : !stream.State.Phase.AllowsEditing()
                ? RuleError.Conflict("phase.not-allowed", $"The text cannot be edited during {stream.State.Phase}.")
                : preview.Text.Length > Limits.ClauseTextLength
                    ? RuleError.Invalid("text.too-long", $"Text is limited to {Limits.ClauseTextLength} characters.")
                    : null;
        if (refusal is null)
            room.PublishDraft(preview);
        return Task.FromResult(refusal);
    }
}
