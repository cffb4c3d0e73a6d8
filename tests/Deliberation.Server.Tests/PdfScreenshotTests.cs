using Deliberation.Server.Documents;
using Deliberation.Server.Tests.Infrastructure;

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
}
