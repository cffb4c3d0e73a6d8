namespace Deliberation.Domain;

/// <summary>
/// What <c>Decide</c> returns: the events a command produces, or the one rule it broke.
/// Never both, so a refused command cannot half-apply.
/// </summary>
public readonly record struct Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, RuleError? error) => (Events, Error) = (events, error);

    public IReadOnlyList<TEvent> Events { get; }
    public RuleError? Error { get; }
    public bool IsAccepted => Error is null;

    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);
    public static Decision<TEvent> Accept(IReadOnlyList<TEvent> events) => new(events, null);
    public static Decision<TEvent> Reject(RuleError error) => new([], error);

    public static implicit operator Decision<TEvent>(RuleError error) => Reject(error);
}
