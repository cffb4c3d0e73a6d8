namespace Deliberation.Domain;

/// <summary>
/// Decides several commands as one: each is judged on the state the previous ones leave, and the
/// first refusal refuses them all. Bulk work (an import, a seed) then commits in one transaction.
/// </summary>
public static class Batch
{
    public static Decision<TEvent> DecideAll<TState, TCommand, TEvent>(
        TState state,
        IEnumerable<TCommand> commands,
        Func<TState, TCommand, Decision<TEvent>> decide,
        Func<TState, TEvent, EventMeta, TState> apply,
        long version,
        Guid actor,
        DateTimeOffset now)
    {
        var events = new List<TEvent>();
        foreach (var command in commands)
        {
            var decision = decide(state, command);
            if (decision.Error is { } error)
                return error;
            foreach (var e in decision.Events)
                state = apply(state, e, new EventMeta(++version, now, actor));
            events.AddRange(decision.Events);
        }
        return Decision<TEvent>.Accept(events);
    }
}
