using System.Text.RegularExpressions;
using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Deliberation.Domain.History;
using Deliberation.Server.Documents;
using Deliberation.Server.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Deliberation.Server.Tests;

/// <summary>
/// The clean statement as it gets published (docs/api.md, "Exports"), rendered without a server:
/// Markdown that keeps the drafters' characters literal, a standalone accessible HTML page, and
/// a PDF whose headings never end a page.
/// </summary>
public sealed partial class PublishedStatementDocumentTests
{
    private static readonly HistoryHeads SomeHeads = new(
        new StreamHead(StreamIds.Dialogue(Guid.Empty), 12, new string('d', 64)), new StreamHead(StreamIds.Statement(Guid.Empty), 34, new string('5', 64)));

    private static StatementDocument Document(IReadOnlyList<string> clauses, IReadOnlyList<ExportedSignature>? signatures = null, string title = "Joint statement") =>
        new(title, "Dialogue on AI safety", "Venice", new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 7), "en", Clean: true,
            [.. clauses.Select((c, i) => new ExportedClause(i + 1, ClauseKind.RedLine, c, ClauseStatus.NearConsensus))],
            new string('a', 64), signatures ?? [new ExportedSignature("Ada Lovelace", "Analytical Engines Ltd", SignatureCapacity.Institutional)], Guid.Empty, SomeHeads);

    [Fact]
    public void MarkdownPrintsMarkupInUserTextLiterally()
    {
        var markdown = MarkdownStatementDocument.Render(Document(
            ["*not* [x](y) # z", "- not a list", "2. not a number", "<b>no HTML</b> & no &amp; entity `code` _under_ ~strike~ | pipe", "first line\nsecond line"],
            [new ExportedSignature("**Bold** Name", "[Org](http://example.org)", SignatureCapacity.Personal)],
            title: "# Not a second heading"));

        Assert.StartsWith("# \\# Not a second heading\n", markdown);
        Assert.Contains("\n1. \\*not\\* \\[x\\](y) \\# z\n", markdown);
        Assert.Contains("\n2. \\- not a list\n", markdown);
        Assert.Contains("\n3. 2\\. not a number\n", markdown);
        Assert.Contains("\n4. \\<b\\>no HTML\\</b\\> \\& no \\&amp; entity \\`code\\` \\_under\\_ \\~strike\\~ \\| pipe\n", markdown);
        // A line break in a clause is a hard break, the next line indented under the item's number.
        Assert.Contains("\n5. first line\\\n   second line\n", markdown);
        Assert.Contains("- **\\*\\*Bold\\*\\* Name** — \\[Org\\](http://example.org) · Personal capacity", markdown);
    }

    [Fact]
    public void MarkdownFollowsTheOneOrderAndPrintsNoKindOrStatusWhenClean()
    {
        var markdown = MarkdownStatementDocument.Render(Document(["No AI system should copy itself."]));

        var order = new[] { "# Joint statement", "Dialogue on AI safety", "Venice, 5–7 September 2026", "1. No AI system", "## Signatories",
            "Affiliations for identification only.", "**Ada Lovelace** — Analytical Engines Ltd · Institutional capacity", "Frozen text SHA-256: " + new string('a', 64), "## History" };
        var positions = order.Select(part => markdown.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(order, part => markdown.IndexOf(part, StringComparison.Ordinal) < 0);
        Assert.DoesNotContain("Red line", markdown);
        Assert.DoesNotContain("consensus", markdown, StringComparison.OrdinalIgnoreCase);
        // Place and dates under the dialogue's title by a hard break, not a stray backslash line.
        Assert.Contains("\n*Dialogue on AI safety*\\\nVenice, 5–7 September 2026\n\n", markdown);
    }

    [GeneratedRegex(@"<h([1-6])\b")]
    private static partial Regex HeadingTag();

    [Fact]
    public void HtmlIsAStandalonePrintablePageWithALanguageAMainLandmarkAndHeadingsInOrder()
    {
        var html = HtmlStatementDocument.Render(Document(["<script>alert(1)</script> stays text"]));

        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">", html);
        Assert.Single(Regex.Matches(html, "<main>"));
        Assert.Contains("@media print", html);
        Assert.Contains("@page", html);
        // Nothing fetched, nothing run: the page is the same wherever it is saved.
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; stays text", html);
        var levels = HeadingTag().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(1, levels[0]);
        Assert.Single(levels, 1);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} then h{pair.Second}"));
        Assert.Contains("<h2 id=\"signatories\">Signatories</h2>", html);
        Assert.DoesNotContain("Near consensus", html);
    }

    [Fact]
    public void PdfNeverEndsAPageWithTheSignatoriesHeading()
    {
        var filler = "The parties recall their commitments, reaffirm them in full, and ask every laboratory to do the same.";
        var signatures = Enumerable.Range(1, 14).Select(n => new ExportedSignature($"Signer{n:00} Person", $"University number {n}", SignatureCapacity.Personal)).ToList();
        // However many clauses come before it, the heading lands somewhere down a page: one of these puts it at the foot.
        for (var clauses = 8; clauses <= 22; clauses++)
        {
            var pdf = PdfStatementDocument.Render(Document([.. Enumerable.Repeat(filler, clauses)], signatures), ExportFonts.Installed!);
            using var read = PdfDocument.Open(pdf);
            var pages = read.GetPages().Select(p => p.Text).ToList();
            var headingPage = pages.FindLastIndex(p => p.Contains("Signatories", StringComparison.Ordinal));
            Assert.True(headingPage >= 0, $"{clauses} clauses: no heading");
            var afterHeading = pages[headingPage][pages[headingPage].LastIndexOf("Signatories", StringComparison.Ordinal)..];
            Assert.True(afterHeading.Contains("Signer01", StringComparison.Ordinal), $"{clauses} clauses: the heading ends page {headingPage + 1}");
            // Every page is numbered "n / N" at its foot.
            Assert.All(pages.Select((text, i) => (text, i)), p => Assert.Contains($"{p.i + 1} / {pages.Count}", p.text));
        }
    }

    [Fact]
    public void PdfPrintsThePlaceAndDatesUnderTheTitle()
    {
        using var read = PdfDocument.Open(PdfStatementDocument.Render(Document(["One clause."]), ExportFonts.Installed!));
        var text = read.GetPage(1).Text;

        Assert.True(text.IndexOf("Joint statement", StringComparison.Ordinal) < text.IndexOf("Venice, 5–7 September 2026", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Venice, 5–7 September 2026", StringComparison.Ordinal) < text.IndexOf("One clause.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-09-05", "2026-09-07", "5–7 September 2026")]
    [InlineData("2026-09-30", "2026-10-02", "30 September – 2 October 2026")]
    [InlineData("2026-12-30", "2027-01-02", "30 December 2026 – 2 January 2027")]
    [InlineData("2026-09-05", "2026-09-05", "5 September 2026")]
    [InlineData("2026-09-05", null, "5 September 2026")]
    [InlineData(null, null, null)]
    public void DialogueDatesPrintAsADateline(string? startsOn, string? endsOn, string? expected) =>
        Assert.Equal(expected, DialogueDates.Format(startsOn is null ? null : DateOnly.Parse(startsOn), endsOn is null ? null : DateOnly.Parse(endsOn)));
}
