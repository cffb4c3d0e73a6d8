using Deliberation.Server.Documents;
using SkiaSharp;

namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>
/// A PDF export's page drawn into a bitmap instead of the PDF, as a PNG: the machine has no PDF
/// rasteriser, and the same drawing code makes both, so the picture is the page.
/// </summary>
public static class PdfPagePicture
{
    public static byte[] Png(StatementDocument document, ExportFonts fonts, int page = 1, float scale = 2)
    {
        var width = (int)Math.Ceiling(PdfStatementDocument.PageWidth * scale);
        var height = (int)Math.Ceiling(PdfStatementDocument.PageHeight * scale);
        var surfaces = new List<SKSurface>();
        try
        {
            PdfStatementDocument.Draw(document, fonts, () =>
            {
                var surface = SKSurface.Create(new SKImageInfo(width, height));
                surfaces.Add(surface);
                surface.Canvas.Clear(SKColors.White);
                surface.Canvas.Scale(scale);
                return surface.Canvas;
            }, () => { });
            using var image = surfaces[page - 1].Snapshot();
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
