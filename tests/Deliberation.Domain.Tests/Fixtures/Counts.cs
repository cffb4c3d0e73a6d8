using Deliberation.Domain.Consensus;

namespace Deliberation.Domain.Tests.Fixtures;

/// <summary>Short hand for <see cref="PositionCounts"/> in hand-worked examples.</summary>
public static class Counts
{
    public static PositionCounts Of(int support = 0, int accept = 0, int standAside = 0, int oppose = 0, int block = 0, int stale = 0) =>
        new(support, accept, standAside, oppose, block, stale);
}
