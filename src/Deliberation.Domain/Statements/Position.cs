namespace Deliberation.Domain.Statements;

/// <summary>A delegate's position on a clause or a bracket option, bound to the revision it was given on.</summary>
public sealed record Position(PositionKind Kind, int Revision, string? Note, DateTimeOffset At);

/// <summary>The interval of a funding floor's parameter a delegate can accept, bound to a revision.</summary>
public sealed record StatedRange(double Low, double High, int Revision, DateTimeOffset At)
{
    public bool Contains(double value) => Low <= value && value <= High;
}
