using Deliberation.Domain;
using Deliberation.Domain.Participants;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.Participants;

/// <summary>Event-sourced participant profile; the participant is the actor of her own events.</summary>
public sealed class ParticipantGrain(IEventStore store, IHistoryIntegrity integrity, TimeProvider time, ILogger<ParticipantGrain> logger)
    : Grain, IParticipantGrain
{
    private EventSourcedStream<ParticipantState, ParticipantEvent> stream = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, integrity, StreamIds.Participant(id), () => ParticipantState.Initial(id), Participant.Apply, s => s.Version);
        return stream.LoadAsync(cancellationToken);
    }

    public Task<CommandOutcome> ExecuteAsync(ParticipantCommand command) =>
        stream.ExecuteAsync(s => Participant.Decide(s, command), StreamIds.ParticipantsScope, stream.State.Id, time.GetUtcNow());

    public Task<Immutable<ParticipantState>> GetStateAsync() => Task.FromResult(new Immutable<ParticipantState>(stream.State));
}
