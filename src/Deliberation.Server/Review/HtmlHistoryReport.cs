using System.Globalization;
using System.Net;
using System.Text;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Server.Documents;

namespace Deliberation.Server.Review;

/// <summary>
/// The history report as one standalone HTML page: style inline, no script, each clause's chart as
/// inline SVG with a text alternative (role="img" and its title) and a legend in words.
/// </summary>
public static class HtmlHistoryReport
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f3f1ec; color: #1a1a1a; font: 16px/1.55 system-ui, sans-serif; }
        main { max-width: 52rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff; }
        h1 { font-size: 1.8rem; margin: 0 0 1rem; }
        h2 { color: #1f3a5f; margin: 2.25rem 0 .75rem; font-size: 1.25rem; }
        h3 { margin: 1.75rem 0 .5rem; font-size: 1.05rem; }
        ol.clauses li { margin: 0 0 .6rem; }
        .muted { color: #4d4d4d; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .25rem 0 1rem; font-size: .85rem; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #d9d9d9; vertical-align: top; }
        del { color: #8b0000; } ins { color: #1b5e20; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        """;

    private const int LabelWidth = 190;
    private const int ChartWidth = 640;
    private const int RowHeight = 18;

    /// <param name="culture">The language of the moments' words (MomentPhrases); English unless asked.</param>
    public static string Render(HistoryReport report, CultureInfo? culture = null)
    {
        var momentCulture = culture ?? CultureInfo.InvariantCulture;
        static string E(string s) => WebUtility.HtmlEncode(s);
        var words = report.Words;
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"").Append(E(words.Culture)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(report.Title)).Append("</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n<main>\n<h1>").Append(E(report.Title)).Append("</h1>\n")
            .Append("<p class=\"muted\">").Append(E(report.Statement.DialogueTitle)).Append("</p>\n");

        html.Append("<h2>").Append(E(words.TheStatement)).Append("</h2>\n<ol class=\"clauses\" lang=\"").Append(E(report.Statement.Language)).Append("\">\n");
        foreach (var clause in report.Clauses)
            html.Append("<li value=\"").Append(clause.Number).Append("\">").Append(E(clause.Text)).Append("</li>\n");
        html.Append("</ol>\n");

        html.Append("<h2>").Append(E(words.StoriesHeading)).Append("</h2>\n");
        foreach (var clause in report.Clauses)
        {
            html.Append("<section aria-labelledby=\"clause-").Append(clause.Number).Append("\">\n<h3 id=\"clause-").Append(clause.Number).Append("\">")
                .Append(E(words.ClauseNumber(clause.Number))).Append("</h3>\n");
            Chart(html, clause, words);
            html.Append("<table>\n<caption class=\"muted\">").Append(E(words.Revisions)).Append("</caption>\n<thead><tr>")
                .Append(Heads(words.ColumnRevision, words.ColumnKind, words.ColumnText, words.ColumnRationale)).Append("</tr></thead>\n<tbody>\n");
            foreach (var revision in clause.Story.Revisions)
            {
                html.Append("<tr><td>").Append(revision.Number).Append("</td><td>").Append(E(words.Of(revision.Kind))).Append("</td><td>");
                foreach (var segment in revision.Diff)
                    html.Append(segment.Kind switch
                    {
                        TextSegmentKinds.Added when revision.Number > 1 => $"<ins>{E(segment.Text)}</ins>",
                        TextSegmentKinds.Removed => $"<del>{E(segment.Text)}</del>",
                        _ => E(segment.Text),
                    });
                html.Append("</td><td>").Append(E(revision.Rationale ?? "")).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
            foreach (var amendment in clause.Story.Amendments)
                html.Append("<p>").Append(E(words.AmendmentLine(amendment.Status, amendment.Text)))
                    .Append(amendment.Reason is { } reason ? $" — {E(reason)}" : "").Append("</p>\n");
            if (clause.Story.FirstMet.Length > 0)
                html.Append("<p>").Append(E(words.FirstMet(string.Join("; ", clause.Story.FirstMet.Select(m => $"{m.Dimension}: {m.Group} ({Time(m.At)})"))))).Append("</p>\n");
        }

        html.Append("<h2>").Append(E(words.TimelineHeading)).Append("</h2>\n<table>\n<thead><tr>")
            .Append(Heads(words.ColumnWhen, words.ColumnWhat, words.ColumnDetails)).Append("</tr></thead>\n<tbody>\n");
        foreach (var moment in report.Timeline)
            html.Append("<tr><td>").Append(Time(moment.At)).Append("</td><td>").Append(E(MomentPhrases.SummaryOf(moment, momentCulture))).Append(moment.Actor is { } actor ? $" <span class=\"muted\">({E(actor)})</span>" : "")
                .Append("</td><td>").Append(E(MomentPhrases.DetailOf(moment, momentCulture) ?? "")).Append("</td></tr>\n");
        html.Append("</tbody>\n</table>\n");

        html.Append("<h2>").Append(E(words.HeadsHeading)).Append("</h2>\n<ul>\n");
        foreach (var head in report.Heads.All())
            html.Append("<li><code>").Append(E(head.ToLine())).Append("</code></li>\n");
        html.Append("</ul>\n<p>").Append(E(report.EventsLine.Replace(report.EventsLog, "", StringComparison.Ordinal)))
            .Append("<a href=\"").Append(E(report.EventsLog)).Append("\">").Append(E(report.EventsLog)).Append("</a></p>\n");
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Heads(params string[] columns) =>
        string.Concat(columns.Select(c => $"<th scope=\"col\">{WebUtility.HtmlEncode(c)}</th>"));

    private static void Chart(StringBuilder html, ReportedClause clause, ExportWords words)
    {
        static string N(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);
        var chart = clause.Chart;
        var height = chart.Rows.Count * RowHeight + 4;
        var step = (double)ChartWidth / chart.Steps;
        var statuses = chart.Rows.SelectMany(r => r.Bars.Select(b => b.Status)).Distinct().Order().ToList();
        var description = words.ChartDescription(clause.Number,
            string.Join("; ", chart.Rows.Select(r => $"{RowLabel(r, words)}: {string.Join(words.Then, r.Bars.Select(b => words.Of(b.Status)))}")));
        html.Append("<svg role=\"img\" width=\"100%\" viewBox=\"0 0 ").Append(LabelWidth + ChartWidth).Append(' ').Append(height)
            .Append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>").Append(WebUtility.HtmlEncode(description)).Append("</title>\n");
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            var y = r * RowHeight + 2;
            html.Append("<text x=\"0\" y=\"").Append(y + RowHeight - 5).Append("\" font-size=\"12\" fill=\"#1a1a1a\">").Append(WebUtility.HtmlEncode(RowLabel(chart.Rows[r], words))).Append("</text>\n");
            foreach (var bar in chart.Rows[r].Bars)
                html.Append("<rect x=\"").Append(N(LabelWidth + bar.From * step)).Append("\" y=\"").Append(y).Append("\" width=\"").Append(N(Math.Max(1, (bar.To - bar.From) * step)))
                    .Append("\" height=\"").Append(RowHeight - 4).Append("\" fill=\"").Append(StoryChart.ColourOf(bar.Status)).Append("\"/>\n");
        }
        html.Append("</svg>\n<ul class=\"legend\">\n");
        foreach (var status in statuses)
            html.Append("<li><span class=\"swatch\" style=\"background:").Append(StoryChart.ColourOf(status)).Append("\"></span>").Append(WebUtility.HtmlEncode(words.Of(status))).Append("</li>\n");
        html.Append("</ul>\n");
    }

    /// <summary>A chart row's label: the whole clause's in the reader's words, a group's as the dialogue names it.</summary>
    internal static string RowLabel(ChartRow row, ExportWords words) => row.Label == StoryChart.WholeClause ? words.WholeClause : row.Label;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
