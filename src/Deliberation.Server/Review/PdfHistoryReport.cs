using System.Globalization;
using Deliberation.Contracts.Review;
using Deliberation.Server.Documents;
using SkiaSharp;
using static Deliberation.Server.Documents.PdfStatementDocument;

namespace Deliberation.Server.Review;

/// <summary>
/// The history report as an A4 PDF, laid out with the statement export's pages (headings kept with
/// what follows, page numbers at the foot, faces embedded so the text can be searched), each clause's
/// chart drawn with Skia.
/// </summary>
public static class PdfHistoryReport
{
    public const string ContentType = "application/pdf";

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Muted = new(0x4D, 0x4D, 0x4D);
    private static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);

    private static readonly TextStyle Title = new(18, Bold: true, Ink, SpaceAfter: 6, LineSpacing: 1.25f);
    private static readonly TextStyle Heading = new(12.5f, Bold: true, Accent, SpaceAfter: 4);
    private static readonly TextStyle SubHeading = new(10.5f, Bold: true, Ink, SpaceAfter: 3);
    private static readonly TextStyle Body = new(10, Bold: false, Ink, SpaceAfter: 5);
    private static readonly TextStyle Small = new(8, Bold: false, Muted, SpaceAfter: 3);
    private static readonly TextStyle ChartLabel = new(7.5f, Bold: false, Ink, SpaceAfter: 0);

    private const float LabelWidth = 120;
    private const float RowHeight = 12;

    /// <param name="culture">The language of the moments' words (MomentPhrases); English unless asked.</param>
    public static byte[] Render(HistoryReport report, ExportFonts fonts, CultureInfo? culture = null)
    {
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = report.Title, Creator = "Deliberation" }))
        {
            Draw(report, fonts, () => pdf.BeginPage(PageWidth, PageHeight), pdf.EndPage, culture);
            pdf.Close();
        }
        return stream.ToArray();
    }

    /// <summary>The pages drawn on whatever canvases <paramref name="beginPage"/> hands out: the PDF's, or a test's bitmap.</summary>
    internal static void Draw(HistoryReport report, ExportFonts fonts, Func<SKCanvas> beginPage, Action endPage, CultureInfo? culture = null)
    {
        using var pages = new Pages(beginPage, endPage, fonts, pageCount: null);
        Lay(report, pages, culture ?? CultureInfo.InvariantCulture);
    }

    private static void Lay(HistoryReport report, Pages pages, CultureInfo momentCulture)
    {
        var words = report.Words;
        pages.Paragraph(report.Title, Title);
        pages.Paragraph(report.Statement.DialogueTitle, Small);
        pages.Space(8);
        pages.KeepTogether(pages.HeightOf(words.TheStatement, Heading) + 40);
        pages.Paragraph(words.TheStatement, Heading);
        foreach (var clause in report.Clauses)
            pages.Paragraph(clause.Text, Body, 22, label: $"{clause.Number}.", labelStyle: Body with { Bold = true });

        pages.Space(8);
        pages.KeepTogether(pages.HeightOf(words.StoriesHeading, Heading) + 60);
        pages.Paragraph(words.StoriesHeading, Heading);
        foreach (var clause in report.Clauses)
        {
            var chartHeight = clause.Chart.Rows.Count * RowHeight + 6;
            pages.KeepTogether(pages.HeightOf(words.ClauseNumber(clause.Number), SubHeading) + chartHeight);
            pages.Paragraph(words.ClauseNumber(clause.Number), SubHeading);
            pages.Figure(chartHeight, (canvas, box) => Chart(canvas, box, clause.Chart, pages, words));
            pages.Paragraph(words.Legend(string.Join(words.ListSeparator, clause.Chart.Rows.SelectMany(r => r.Bars).Select(b => b.Status).Distinct().Order()
                .Select(s => $"{words.Of(s)} ({words.Colour(Swatch(s))})"))), Small);
            foreach (var revision in clause.Story.Revisions)
                pages.Paragraph(words.RevisionLine(revision.Number, revision.Kind, revision.Text) + (revision.Rationale is { } why ? $" — {why}" : ""), Small);
            foreach (var amendment in clause.Story.Amendments)
                pages.Paragraph(words.AmendmentLine(amendment.Status, amendment.Text) + (amendment.Reason is { } reason ? $" — {reason}" : ""), Small);
        }

        pages.Space(8);
        pages.KeepTogether(pages.HeightOf(words.TimelineHeading, Heading) + 30);
        pages.Paragraph(words.TimelineHeading, Heading);
        foreach (var moment in report.Timeline)
            pages.Paragraph($"{moment.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}  {MomentPhrases.SummaryOf(moment, momentCulture)}"
                + (moment.Actor is { } actor ? $" ({actor})" : "") + (MomentPhrases.DetailOf(moment, momentCulture) is { } detail ? $" — {detail}" : ""), Small);

        pages.Space(8);
        pages.KeepTogether(pages.HeightOf(words.HeadsHeading, Heading) + 40);
        pages.Paragraph(words.HeadsHeading, Heading);
        foreach (var head in report.Heads.All())
            pages.Paragraph(head.ToLine(), Small);
        pages.Paragraph(report.EventsLine, Small);
    }

    private static void Chart(SKCanvas canvas, SKRect box, StoryChart chart, Pages pages, ExportWords words)
    {
        var step = (box.Width - LabelWidth) / chart.Steps;
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var r = 0; r < chart.Rows.Count; r++)
        {
            var top = box.Top + r * RowHeight;
            pages.Label(HtmlHistoryReport.RowLabel(chart.Rows[r], words), ChartLabel, box.Left, top + RowHeight - 3.5f);
            foreach (var bar in chart.Rows[r].Bars)
            {
                fill.Color = SKColor.Parse(StoryChart.ColourOf(bar.Status));
                canvas.DrawRect(new SKRect(box.Left + LabelWidth + bar.From * step, top + 1, box.Left + LabelWidth + Math.Max(bar.To, bar.From + 1) * step, top + RowHeight - 2), fill);
            }
        }
    }

    // The PDF's legend names each colour in words, so the chart reads without telling colours apart:
    // the colour's key in ExportWords ("Colour" + this).
    private static string Swatch(Domain.ClauseStatus status) => status switch
    {
        Domain.ClauseStatus.Agreed => "Green",
        Domain.ClauseStatus.NearConsensus => "Olive",
        Domain.ClauseStatus.Contested => "Orange",
        Domain.ClauseStatus.Blocked => "Red",
        Domain.ClauseStatus.Withdrawn => "DarkGrey",
        Domain.ClauseStatus.Gathering => "Slate",
        _ => "Grey",
    };
}
