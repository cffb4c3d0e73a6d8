namespace Deliberation.Domain.Consensus;

/// <summary>How a set of voters stands on one clause: current positions by kind, and stale ones.</summary>
public readonly record struct PositionCounts(int Support, int Accept, int StandAside, int Oppose, int Block, int Stale)
{
    public int Responded => Support + Accept + StandAside + Oppose + Block;

    /// <summary>Support + Accept: the numerator of the share, Pol.is's "agree".</summary>
    public int Agreeing => Support + Accept;

    /// <summary>The share's denominator: stand-asides neither help nor hurt.</summary>
    public int Decided => Support + Accept + Oppose + Block;

    public static PositionCounts operator +(PositionCounts a, PositionCounts b) => new(
        a.Support + b.Support, a.Accept + b.Accept, a.StandAside + b.StandAside, a.Oppose + b.Oppose, a.Block + b.Block, a.Stale + b.Stale);

    public static PositionCounts Of(PositionKind kind) => kind switch
    {
        PositionKind.Support => new(1, 0, 0, 0, 0, 0),
        PositionKind.Accept => new(0, 1, 0, 0, 0, 0),
        PositionKind.StandAside => new(0, 0, 1, 0, 0, 0),
        PositionKind.Oppose => new(0, 0, 0, 1, 0, 0),
        PositionKind.Block => new(0, 0, 0, 0, 1, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
