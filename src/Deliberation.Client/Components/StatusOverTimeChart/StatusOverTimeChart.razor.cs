using System.Globalization;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// A clause's status over time, the clause as a whole on the first row and each group below: one
/// band per row, coloured by status from each moment it changed to the next. The x axis is the
/// order of the moments, not the clock, so a busy afternoon and a quiet week take the space their
/// changes need. Drawn as SVG; the same facts are a table beneath for those who do not see it.
/// </summary>
public sealed partial class StatusOverTimeChart
{
    private const double Width = 640;
    private const double Left = 150;
    private const double Right = 8;
    private const double Top = 4;
    private const double RowHeight = 22;
    private const double Bottom = 18;

    private List<ChartRow> rows = [];
    private List<long> moments = [];
    private DateTimeOffset first;
    private DateTimeOffset last;

    [Parameter, EditorRequired]
    public IReadOnlyList<StoryPoint> Points { get; set; } = [];

    internal sealed record ChartSpan(long From, long To, DateTimeOffset At, ClauseStatus Status);

    internal sealed record ChartRow(string? Dimension, string? Group, string Label, IReadOnlyList<ChartSpan> Spans);

    protected override void OnParametersSet()
    {
        moments = [.. Points.Select(p => p.Moment).Distinct().Order()];
        first = Points.Count == 0 ? default : Points.Min(p => p.At);
        last = Points.Count == 0 ? default : Points.Max(p => p.At);
        var end = moments.Count == 0 ? 0 : moments[^1] + 1;
        rows = [.. Points.GroupBy(p => (p.Dimension, p.Group))
            .OrderBy(g => g.Key.Group is null ? 0 : 1)
            .Select(g => new ChartRow(g.Key.Dimension, g.Key.Group,
                g.Key.Group is null ? L["WholeClause"] : $"{g.Key.Dimension} · {g.Key.Group}",
                SpansOf([.. g.OrderBy(p => p.Moment)], end)))];
    }

    /// <summary>Each point holds until the row's next point; the last until the end of the chart.</summary>
    private static List<ChartSpan> SpansOf(IReadOnlyList<StoryPoint> points, long end)
    {
        var spans = new List<ChartSpan>();
        for (var i = 0; i < points.Count; i++)
        {
            if (spans.Count > 0 && spans[^1].Status == points[i].Status)
                continue;
            if (spans.Count > 0)
                spans[^1] = spans[^1] with { To = points[i].Moment };
            spans.Add(new ChartSpan(points[i].Moment, end, points[i].At, points[i].Status));
        }
        return spans;
    }

    private IEnumerable<ClauseStatus> StatusesShown => rows.SelectMany(r => r.Spans).Select(s => s.Status).Distinct().Order();

    private string Summary =>
        L["ChartSummary", rows.Count(r => r.Group is not null), moments.Count]
        + string.Concat(rows.Select(r => L["RowAtTheEnd", r.Label, Presentation.Label(r.Spans[^1].Status)].Value));


    private string StatusFrom(ChartSpan span) => L["StatusFrom", Presentation.Label(span.Status), Presentation.Time(span.At)];


    /// <summary>A moment's place on the axis: by its rank among the chart's moments, the end after the last.</summary>
    private double X(long moment)
    {
        var rank = moments.BinarySearch(moment);
        if (rank < 0)
            rank = ~rank;
        var slots = Math.Max(moments.Count, 1);
        return Left + rank * (Width - Left - Right) / slots;
    }

    private static double HeightOf(int rowCount) => Top + rowCount * RowHeight + Bottom;

    /// <summary>The status colours of the room's chips, as fills: each with text labels beside it, never colour alone.</summary>
    internal static string Fill(ClauseStatus status) => status switch
    {
        ClauseStatus.Agreed => "#2e7d32",
        ClauseStatus.NearConsensus => "#0277bd",
        ClauseStatus.Gathering => "#9e9d24",
        ClauseStatus.Contested => "#ef6c00",
        ClauseStatus.Blocked => "#c62828",
        ClauseStatus.Withdrawn => "#424242",
        _ => "#b0bec5",
    };

    /// <summary>An SVG text element (Razor reserves the &lt;text&gt; tag); its content is text, never markup.</summary>
    private static RenderFragment SvgText(double x, double y, string anchor, string cssClass, string content) => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "x", F(x));
        builder.AddAttribute(3, "y", F(y));
        builder.AddAttribute(4, "text-anchor", anchor);
        builder.AddContent(5, content);
        builder.CloseElement();
    };

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
