using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Deliberation.Server.Documents;
using Deliberation.Server.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>
/// Exports of a dialogue in English and Chinese (issue 13): one language, or both in parallel
/// columns, read back with PdfPig and the OpenXML SDK — the Chinese glyphs included.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BilingualExportTests(ServerFixture fixture)
{
    private const string Chinese = "zh-Hans";
    private const string RedLineEn = "No AI system should copy or improve itself without explicit human approval.";
    private const string RedLineZh = "任何人工智能系统都不应在未经人类明确批准的情况下复制或改进自身。";
    private const string GoodEn = "AI safety is a global public good.";
    private const string GoodZh = "人工智能安全是全球公共产品。";

    private async Task<TestDialogue> BilingualAsync()
    {
        var dialogue = await TestDialogue.CreateAsync(fixture.Server, ConfidentialityMode.ChathamHouse, Dimensions);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new ChangeSettings(new DialogueSettings(
            "Beijing dialogue", Languages: ["en", Chinese], Authenticity: Authenticity.EquallyAuthentic)));
        var redLine = await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, RedLineEn, ClauseKind.RedLine);
        var good = await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, GoodEn);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new TranslateClause(redLine, Chinese, 1, RedLineZh));
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new TranslateClause(good, Chinese, 1, GoodZh));
        return dialogue;
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task TheParallelPdfHoldsBothTextsChineseGlyphsIncluded()
    {
        using var dialogue = await BilingualAsync();

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=pdf&language=parallel");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        foreach (var clause in new[] { RedLineEn, RedLineZh, GoodEn, GoodZh })
            Assert.Contains(Squeezed(clause), text, StringComparison.Ordinal);
        // Side by side: the English and the Chinese of clause 1 start on the same line.
        var page = pdf.GetPage(1);
        var words = page.GetWords().ToList();
        var firstEnglish = words.First(w => w.Text == "No").Letters[0];
        var firstChinese = words.First(w => w.Text.StartsWith('任')).Letters[0];
        Assert.Equal(firstEnglish.StartBaseLine.Y, firstChinese.StartBaseLine.Y, 1.0);
        Assert.True(firstChinese.StartBaseLine.X > firstEnglish.StartBaseLine.X + 150);
        // The glyphs drawn are embedded: no page falls back to a font the reader may lack.
        Assert.All(page.Letters.Where(l => l.Value == "任"), l => Assert.False(string.IsNullOrEmpty(l.FontName)));
    }

    [Fact]
    public async Task TheParallelWordFileHasBothLanguagesInColumnsTaggedWithTheirLanguage()
    {
        using var dialogue = await BilingualAsync();

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=docx&language=parallel");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var rows = word.MainDocumentPart!.Document!.Body!.Descendants<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal([["1.", RedLineEn, RedLineZh], ["2.", GoodEn, GoodZh]], rows);
        var chineseRun = word.MainDocumentPart.Document.Body.Descendants<Run>().First(r => r.InnerText == RedLineZh);
        Assert.Equal(Chinese, chineseRun.RunProperties?.GetFirstChild<Languages>()?.EastAsia?.Value);
    }

    [Fact]
    public async Task OneLanguageExportsHoldThatLanguageOnly()
    {
        using var dialogue = await BilingualAsync();

        async Task<string> Export(string query) => await (await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?{query}")).Content.ReadAsStringAsync();
        var chinese = await Export($"format=md&language={Chinese}");
        var html = await Export($"format=html&language={Chinese}");
        var english = await Export("format=md");

        Assert.Contains($"1. {RedLineZh}", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("No AI system", chinese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-Hans\"", html, StringComparison.Ordinal);
        Assert.Contains(RedLineEn, english, StringComparison.Ordinal);
        Assert.DoesNotContain(RedLineZh, english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportInALanguageTheDialogueDoesNotWorkInIsRefused()
    {
        using var dialogue = await BilingualAsync();

        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=pdf&language=fr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("export.unknown-language", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
