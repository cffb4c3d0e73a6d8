using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Deliberation.Domain.Consensus;

namespace Deliberation.Domain.Review;

/// <summary>
/// A clause's standing from the event at <see cref="Index"/> on, as the figures of one kind
/// (<see cref="FiguresSeen"/>) showed it: its status, each counted group's, what the groups short of
/// the rule needed, and for a funding floor the zone of agreement. Recorded only when it changed.
/// <see cref="Summary"/> and <see cref="Detail"/> are <see cref="Phrase"/> and <see cref="DetailPhrase"/> in English.
/// </summary>
public sealed record ClauseStanding(
    int Index,
    Guid ClauseId,
    ImmutableArray<RowStanding> Rows,
    ImmutableArray<GroupNeed> Needs,
    ImmutableArray<ValueInterval> Zone,
    double? BestValue,
    string Summary,
    string? Detail,
    MomentPhrase? Phrase = null,
    MomentPhrase? DetailPhrase = null)
{
    // Derived, so not stored with a trace snapshot (ReviewTraceSnapshot).
    [JsonIgnore]
    public ClauseStatus Status => Rows[0].Status;

    /// <summary>The rows of the groups (not the clause as a whole).</summary>
    [JsonIgnore]
    public IEnumerable<RowStanding> Groups => Rows.Skip(1);

    /// <summary>The figures as a standing: statuses per row, the need per short group, the zone.</summary>
    public static (ImmutableArray<RowStanding> Rows, ImmutableArray<GroupNeed> Needs, ImmutableArray<ValueInterval> Zone, double? BestValue) Of(ClauseConsensus figures)
    {
        var rows = ImmutableArray.CreateBuilder<RowStanding>();
        rows.Add(new RowStanding(null, null, figures.Status, null, 0, 0));
        foreach (var dimension in figures.Dimensions.Where(d => d.CountsForConsensus))
            foreach (var group in dimension.Groups.Where(g => g.Members > 0))
                rows.Add(new RowStanding(dimension.Name, group.Group, StatusOf(group), group.Share, group.Members, group.Needed));
        var zone = figures.FundingFloor is { } floor ? floor.Zone : [];
        return (rows.ToImmutable(), Holdouts.NeedsOf(figures), zone.IsDefault ? [] : zone, figures.FundingFloor?.BestValue);
    }

    public static ClauseStatus StatusOf(GroupConsensus group) =>
        group.MeetsRule ? ClauseStatus.Agreed
        : group.Support + group.Accept + group.StandAside + group.Oppose + group.Block == 0 ? ClauseStatus.Pending
        : ClauseStatus.Contested;

    /// <summary>Whether <paramref name="figures"/> give this standing's statuses and zone, without allocating (the tracker's hot path).</summary>
    public bool SameStandingAs(ClauseConsensus figures)
    {
        if (Rows[0].Status != figures.Status)
            return false;
        var row = 1;
        foreach (var dimension in figures.Dimensions)
        {
            if (!dimension.CountsForConsensus)
                continue;
            foreach (var group in dimension.Groups)
            {
                if (group.Members <= 0)
                    continue;
                if (row >= Rows.Length || Rows[row].Group != group.Group || Rows[row].Dimension != dimension.Name || Rows[row].Status != StatusOf(group))
                    return false;
                row++;
            }
        }
        if (row != Rows.Length)
            return false;
        var zone = figures.FundingFloor is { Zone: { IsDefault: false } z } ? z : [];
        return Zone.SequenceEqual(zone);
    }

    /// <summary>Whether these statuses and zone equal <paramref name="rows"/> and <paramref name="zone"/> (shares may differ: they move with every position).</summary>
    public bool SameStandingAs(ImmutableArray<RowStanding> rows, ImmutableArray<ValueInterval> zone) =>
        Rows.Length == rows.Length
        && Rows.Zip(rows).All(p => p.First.Dimension == p.Second.Dimension && p.First.Group == p.Second.Group && p.First.Status == p.Second.Status)
        && Zone.SequenceEqual(zone);
}
