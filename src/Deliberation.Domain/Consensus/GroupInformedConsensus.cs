namespace Deliberation.Domain.Consensus;

/// <summary>
/// Pol.is's group-informed consensus: Π over groups of (A + 1) / (S + 2), A the agreeing and S
/// everyone who responded (stand-aside counting as Pol.is's pass). Each factor is a smoothed
/// agreement probability, so one hostile group pulls the product down.
/// </summary>
public static class GroupInformedConsensus
{
    public static double Of(IEnumerable<PositionCounts> groups) =>
        groups.Aggregate(1.0, (product, g) => product * (g.Agreeing + 1.0) / (g.Responded + 2.0));

    /// <summary>GAC^(1/groups): does not shrink merely because groups are added.</summary>
    public static double GeometricMean(double gac, int groups) => groups == 0 ? gac : Math.Pow(gac, 1.0 / groups);
}
