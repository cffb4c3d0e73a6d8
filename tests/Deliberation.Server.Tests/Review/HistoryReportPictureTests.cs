using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Server.Documents;
using Deliberation.Server.Review;
using Deliberation.Server.Tests.Infrastructure;
using SkiaSharp;

namespace Deliberation.Server.Tests.Review;

/// <summary>
/// The history report's first PDF page as a picture (screenshots/review-report-pdf.png beside the test
/// run's output, for docs/screenshots): the demo statement with one clause's story charted.
/// </summary>
public sealed class HistoryReportPictureTests
{
    private static readonly DateTimeOffset Opening = new(2026, 9, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheReportsFirstPageDrawsEachClausesChartInItsStatusColours()
    {
        var statement = DemoStatementDocument.Clean();
        var clause = statement.Clauses[0];
        StoryPoint Point(long moment, string? dimension, string? group, ClauseStatus status) =>
            new(moment, Opening.AddMinutes(moment), dimension, group, status, null, 0);
        var story = new ClauseStory(Guid.NewGuid(), clause.Kind, null,
        [
            Point(10, null, null, ClauseStatus.Pending), Point(10, "Region", "China", ClauseStatus.Pending), Point(10, "Region", "Europe", ClauseStatus.Pending),
            Point(20, null, null, ClauseStatus.Contested), Point(20, "Region", "China", ClauseStatus.Agreed), Point(20, "Region", "Europe", ClauseStatus.Contested),
            Point(30, null, null, ClauseStatus.Agreed), Point(30, "Region", "China", ClauseStatus.Agreed), Point(30, "Region", "Europe", ClauseStatus.Agreed),
        ],
        [new StoryRevision(1, 10, Opening, RevisionKind.Substantive, RevisionSource.Draft, null, clause.Text, [new TextSegment(TextSegmentKinds.Added, clause.Text)])],
        [], [new GroupMilestone("Region", "China", 20, Opening.AddMinutes(20))], [], []);
        var report = new HistoryReport(statement, [new ReportedClause(1, clause.Text, story)],
            [new ReviewMoment(30, Opening.AddMinutes(30), ReviewKinds.Status, story.ClauseId, "Clause 1: Contested → Agreed", null, null)],
            statement.Heads, "/api/dialogues/x/events?format=jsonl");

        var png = Picture(report, ExportFonts.Installed!);

        using var bitmap = SKBitmap.Decode(png);
        var colours = Enumerable.Range(0, bitmap.Height / 4).SelectMany(y => Enumerable.Range(0, bitmap.Width / 4).Select(x => bitmap.GetPixel(x * 4, y * 4))).ToHashSet();
        Assert.Contains(SKColor.Parse(StoryChart.ColourOf(ClauseStatus.Agreed)), colours);
        Assert.Contains(SKColor.Parse(StoryChart.ColourOf(ClauseStatus.Contested)), colours);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        File.WriteAllBytes(Path.Combine(folder.FullName, "review-report-pdf.png"), png);
    }

    private static byte[] Picture(HistoryReport report, ExportFonts fonts, float scale = 1.5f)
    {
        var surfaces = new List<SKSurface>();
        try
        {
            PdfHistoryReport.Draw(report, fonts, () =>
            {
                var surface = SKSurface.Create(new SKImageInfo((int)(PdfStatementDocument.PageWidth * scale), (int)(PdfStatementDocument.PageHeight * scale)));
                surfaces.Add(surface);
                surface.Canvas.Clear(SKColors.White);
                surface.Canvas.Scale(scale);
                return surface.Canvas;
            }, () => { });
            using var image = surfaces[0].Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            return png.ToArray();
        }
        finally
        {
            foreach (var surface in surfaces)
                surface.Dispose();
        }
    }
}
