using System.Globalization;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Review;
using Deliberation.Server.Documents;
using Deliberation.Server.Review;
using Deliberation.Server.Tests.Infrastructure;

namespace Deliberation.Server.Tests.Review;

/// <summary>
/// The history report's timeline reads each moment from its phrase in the language it is asked for
/// (docs/api.md, "Review"): English unless asked, Chinese when asked; a moment from before the phrases
/// keeps its English sentence.
/// </summary>
public sealed class HistoryReportMomentWordsTests
{
    private static readonly DateTimeOffset Opening = new(2026, 9, 5, 9, 0, 0, TimeSpan.Zero);

    private static HistoryReport Report()
    {
        var statement = DemoStatementDocument.Clean();
        var clause = statement.Clauses[0];
        var story = new ClauseStory(Guid.NewGuid(), clause.Kind, null, [], [], [], [], [], []);
        var change = new GroupStatusChange("Region/China", ClauseStatus.Pending, ClauseStatus.Agreed);
        return new HistoryReport(statement, [new ReportedClause(1, clause.Text, story)],
        [
            new ReviewMoment(10, Opening.AddMinutes(10), ReviewKinds.RevisionSubstantive, story.ClauseId, "Clause 1 revised (substantive), revision 2", "Audits make it checkable.", "Rhea",
                MomentPhrase.Of(MomentPhraseKeys.RevisedSubstantive, 1, "2")),
            new ReviewMoment(20, Opening.AddMinutes(20), ReviewKinds.Status, story.ClauseId, "Clause 1: Contested → Agreed", "Region/China: Pending → Agreed", null,
                MomentPhrase.Of(MomentPhraseKeys.StatusChanged, 1, "Contested", "Agreed"), new MomentPhrase(MomentPhraseKeys.Changes, 1, [], [change], null)),
            new ReviewMoment(30, Opening.AddMinutes(30), ReviewKinds.Freeze, null, "Statement frozen", null, null),
        ],
            statement.Heads, "/api/dialogues/x/events?format=jsonl");
    }

    [Fact]
    public void The_html_reports_moments_read_in_Chinese_when_asked_and_in_English_otherwise()
    {
        var chinese = HtmlHistoryReport.Render(Report(), CultureInfo.GetCultureInfo("zh-Hans"));
        Assert.Contains("<td>第 1 条已修订（实质性），第 2 版 <span class=\"muted\">(Rhea)</span></td><td>Audits make it checkable.</td>", chinese, StringComparison.Ordinal);
        Assert.Contains("<td>第 1 条：有争议 → 已达成一致</td><td>Region/China：待定 → 已达成一致</td>", chinese, StringComparison.Ordinal);
        Assert.Contains("<td>Statement frozen</td>", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("revised (substantive)", chinese, StringComparison.Ordinal);

        var english = HtmlHistoryReport.Render(Report());
        Assert.Contains("<td>Clause 1 revised (substantive), revision 2 <span class=\"muted\">(Rhea)</span></td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>Clause 1: Contested → Agreed</td><td>Region/China: Pending → Agreed</td>", english, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_reports_moments_are_English_unless_asked()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfHistoryReport.Render(Report(), ExportFonts.Installed!));
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("revised (substantive), revision 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_reports_moments_read_in_Chinese_when_asked()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(PdfHistoryReport.Render(Report(), ExportFonts.Installed!, CultureInfo.GetCultureInfo("zh-Hans")));
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("有争议", text, StringComparison.Ordinal);
        Assert.Contains("已达成一致", text, StringComparison.Ordinal);
        Assert.DoesNotContain("revised (substantive)", text, StringComparison.Ordinal);
    }
}
