using Deliberation.Server.Documents;
using Deliberation.Server.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Deliberation.Server.Tests;

/// <summary>
/// The first page of the demo statement's PDF as a picture, written beside the test run's output
/// (screenshots/pdf-after.png) for docs/screenshots, where a reviewer sees what gets published.
/// </summary>
public sealed class PdfScreenshotTests
{
    [Fact]
    public void TheDemoStatementsFirstPdfPageIsDrawnAsAPicture()
    {
        var png = PdfPagePicture.Png(DemoStatementDocument.Clean(), ExportFonts.Installed!);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        File.WriteAllBytes(Path.Combine(folder.FullName, "pdf-after.png"), png);
        // The same statement as the HTML page, for a browser to picture beside it.
        File.WriteAllText(Path.Combine(folder.FullName, "statement.html"), HtmlStatementDocument.Render(DemoStatementDocument.Clean()));
    }

    [Fact]
    public void TheDemoStatementWithChineseWordsAroundItsEnglishTextIsDrawnAsAPicture()
    {
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(ExportWords));
        var words = ExportWords.In(localizer, "zh-Hans");
        var english = DemoStatementDocument.Clean();
        var document = english with { Words = words, Signatures = [.. english.Signatures.Select(s => s with { Words = words })] };

        Assert.Equal("2026年9月5日至7日", DialogueDates.Format(new DateOnly(2026, 9, 5), new DateOnly(2026, 9, 7), words));
        Assert.Contains("个人身份", document.Signatures[0].Details, StringComparison.Ordinal);
        // The second page: the signatories and the record, where the words around the text are.
        var png = PdfPagePicture.Png(document, ExportFonts.Installed!, page: 2);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        File.WriteAllBytes(Path.Combine(folder.FullName, "pdf-chinese-words.png"), png);
    }
}
