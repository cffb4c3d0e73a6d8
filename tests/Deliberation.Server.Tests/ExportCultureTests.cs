using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Server.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>
/// The words around an export's text in the reader's interface language (docs/api.md, "Exports",
/// <c>culture</c>): headings, the clause notes, the record's lines and the dates in Chinese when she
/// asks for zh-Hans — the clause text stays in the working language asked for — and a culture we
/// have no interface in refused with a clear problem.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ExportCultureTests(ServerFixture fixture)
{
    private const string Clause = "No AI system should copy or improve itself without explicit human approval.";

    private async Task<TestDialogue> EnglishDialogueAsync()
    {
        var dialogue = await TestDialogue.CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse, Dimensions);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings(
            "Venice dialogue", Venue: "Venice", StartsOn: new DateOnly(2026, 9, 5), EndsOn: new DateOnly(2026, 9, 7))));
        await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, Clause, ClauseKind.RedLine);
        return dialogue;
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task AWordFileInChineseHasTheChineseWordsAroundTheEnglishText()
    {
        using var dialogue = await EnglishDialogueAsync();

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=docx&culture=zh-Hans");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("历史记录", paragraphs);
        Assert.Contains("Venice，2026年9月5日至7日", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("红线 · ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("核验方法：", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("  版本 ", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.EndsWith(Clause, StringComparison.Ordinal));
        Assert.DoesNotContain("History", paragraphs);
    }

    [Fact]
    public async Task APdfInChineseHasTheChineseWordsDrawnInChineseGlyphs()
    {
        using var dialogue = await EnglishDialogueAsync();

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=pdf&culture=zh-Hans");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains("历史记录", text, StringComparison.Ordinal);
        Assert.Contains("2026年9月5日至7日", text, StringComparison.Ordinal);
        Assert.Contains("核验方法", text, StringComparison.Ordinal);
        Assert.Contains(Squeezed(Clause), text, StringComparison.Ordinal);
        // Each Chinese character is a glyph of an embedded face, not a box the reader's viewer guesses at.
        var chinese = pdf.GetPages().SelectMany(p => p.Letters).Where(l => l.Value == "历").ToList();
        Assert.NotEmpty(chinese);
        Assert.All(chinese, l => Assert.False(string.IsNullOrEmpty(l.FontName)));
    }

    [Fact]
    public async Task MarkdownHtmlAndTheHistoryReportTakeTheCultureAndEnglishStaysTheDefault()
    {
        using var dialogue = await EnglishDialogueAsync();
        async Task<string> Get(string url)
        {
            var response = await dialogue.Convener.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            return body;
        }

        var markdown = await Get($"{dialogue.StatementUrl}/export?format=md&culture=zh-Hans");
        Assert.Contains("## 历史记录", markdown, StringComparison.Ordinal);
        Assert.Contains(Clause, markdown, StringComparison.Ordinal);
        var html = await Get($"{dialogue.StatementUrl}/export?format=html&culture=zh-Hans");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"record\" aria-labelledby=\"history\" lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        var report = await Get($"{dialogue.StatementUrl}/review/report?format=html&culture=zh-Hans");
        Assert.Contains("<html lang=\"zh-Hans\">", report, StringComparison.Ordinal);
        Assert.Contains("关键时刻", report, StringComparison.Ordinal);
        Assert.Contains("第 1 条", report, StringComparison.Ordinal);
        // The key moments themselves read in Chinese too, not only the headings around them.
        Assert.Contains("第 1 条已添加", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Clause 1 added", report, StringComparison.Ordinal);

        var english = await Get($"{dialogue.StatementUrl}/export?format=md");
        Assert.Contains("## History", english, StringComparison.Ordinal);
        Assert.Contains("Venice, 5–7 September 2026", english, StringComparison.Ordinal);
        Assert.Contains("Key moments", await Get($"{dialogue.StatementUrl}/review/report?format=html&culture=en"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export?format=pdf&culture=xx")]
    [InlineData("export?format=docx&culture=fr")]
    [InlineData("review/report?format=pdf&culture=xx")]
    public async Task ACultureWithoutAnInterfaceIsRefusedWithAClearProblem(string query)
    {
        using var dialogue = await EnglishDialogueAsync();

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/{query}");

        await Expect.RefusedAsync(response, HttpStatusCode.BadRequest, "culture.unsupported");
    }
}
