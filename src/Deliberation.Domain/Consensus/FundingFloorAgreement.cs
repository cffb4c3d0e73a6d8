using System.Collections.Immutable;

namespace Deliberation.Domain.Consensus;

/// <summary>
/// Where the stated ranges of a funding floor overlap enough for every group to meet the rule:
/// the zone as intervals, the value that best serves the least-satisfied group, and each group's
/// support across the grid for plotting. <see cref="BestValue"/> and <see cref="BestMinimumShare"/> are
/// null when there is no best value: nobody stated a range, or no value has support in every group that did.
/// </summary>
public sealed record FundingFloorAgreement(
    string Parameter,
    string Unit,
    double Min,
    double Max,
    double Step,
    ImmutableArray<ValueInterval> Zone,
    double? BestValue,
    double? BestMinimumShare,
    ImmutableArray<GroupCurve> Curves);

/// <summary>A closed interval of grid values.</summary>
public sealed record ValueInterval(double From, double To);

/// <summary>
/// One group's support at each grid value: <see cref="Supporting"/>[i] of the <see cref="Stated"/>
/// members who gave a current range accept the i-th value.
/// </summary>
public sealed record GroupCurve(string Dimension, string Group, int Members, int Stated, ImmutableArray<int> Supporting, ImmutableArray<string> FoldedGroups = default)
{
    /// <summary>Share at each grid value; null where nobody in the group stated a range.</summary>
    public ImmutableArray<double?> Shares => [.. Supporting.Select(s => Stated == 0 ? (double?)null : (double)s / Stated)];
}
