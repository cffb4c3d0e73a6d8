using Deliberation.Domain;
using Deliberation.Domain.Sessions;
using Deliberation.Grains.Dialogues;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.Sessions;

/// <summary>
/// Event-sourced sessions of one dialogue. One grain decides every sign-in with an invite, so two
/// browsers racing for its last redemption cannot both win; it reads the dialogue's roster and
/// invites once per command, as the statement grain does.
/// </summary>
public sealed class SessionsGrain(IEventStore store, IHistoryIntegrity integrity, IGrainFactory grains, TimeProvider time, ILogger<SessionsGrain> logger)
    : Grain, ISessionsGrain
{
    private EventSourcedStream<DialogueSessionsState, SessionEvent> stream = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        stream = new(store, logger, integrity, StreamIds.Sessions(id), () => DialogueSessionsState.Initial(id), DialogueSessions.Apply, s => s.Version);
        return stream.LoadAsync(cancellationToken);
    }

    public async Task<CommandOutcome> ExecuteAsync(SessionCommand command, Guid actor)
    {
        var dialogue = (await grains.GetGrain<IDialogueGrain>(stream.State.DialogueId).GetStateAsync()).Value;
        var now = time.GetUtcNow();
        return await stream.ExecuteAsync(s => DialogueSessions.Decide(s, command, dialogue, actor, now), StreamIds.SessionsScope, actor, now);
    }

    public Task<Immutable<DialogueSessionsState>> GetStateAsync() => Task.FromResult(new Immutable<DialogueSessionsState>(stream.State));
}
