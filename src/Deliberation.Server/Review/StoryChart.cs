using Deliberation.Contracts.Review;
using Deliberation.Domain;

namespace Deliberation.Server.Review;

/// <summary>
/// A clause's story as a chart, groups × time, for the history report (HTML draws it as SVG, PDF with
/// Skia): one row for the clause and one per group, each a run of bars coloured by status. Time runs
/// in steps, one per moment the figures moved, so a long quiet stretch does not squeeze the moves.
/// </summary>
public sealed record StoryChart(IReadOnlyList<ChartRow> Rows, int Steps)
{
    /// <summary>The label of the whole clause's row; a group's row reads "Dimension: Group". The reports put it in the reader's words.</summary>
    public const string WholeClause = "Clause";

    public static StoryChart Of(ClauseStory story)
    {
        var moments = story.Points.Select(p => p.Moment).Distinct().Order().ToList();
        var step = moments.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var rows = story.Points
            .GroupBy(p => (p.Dimension, p.Group))
            .Select(row =>
            {
                var points = row.OrderBy(p => p.Moment).ToList();
                var bars = points.Select((p, i) => new ChartBar(step[p.Moment], i + 1 < points.Count ? step[points[i + 1].Moment] : moments.Count, p.Status)).ToList();
                return new ChartRow(row.Key.Group is null ? WholeClause : $"{row.Key.Dimension}: {row.Key.Group}", bars);
            })
            .OrderBy(r => r.Label == WholeClause ? 0 : 1)
            .ToList();
        return new StoryChart(rows, Math.Max(1, moments.Count));
    }

    /// <summary>The colour a status is drawn in; each also has its word in the legend, so colour is never the only cue.</summary>
    public static string ColourOf(ClauseStatus status) => status switch
    {
        ClauseStatus.Agreed => "#2e7d32",
        ClauseStatus.NearConsensus => "#827717",
        ClauseStatus.Contested => "#e65100",
        ClauseStatus.Blocked => "#b71c1c",
        ClauseStatus.Withdrawn => "#424242",
        ClauseStatus.Gathering => "#546e7a",
        _ => "#9e9e9e",
    };
}

/// <summary>One row of a <see cref="StoryChart"/>: the clause or a group, and its bars.</summary>
public sealed record ChartRow(string Label, IReadOnlyList<ChartBar> Bars);

/// <summary>A status held from step <see cref="From"/> up to <see cref="To"/>.</summary>
public sealed record ChartBar(int From, int To, ClauseStatus Status);
