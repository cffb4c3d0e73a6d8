using System.Text;
using SkiaSharp;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as an A4 PDF, drawn with Skia's PDF backend. Skia embeds the faces it draws with
/// and maps their glyphs back to Unicode, so the text can be searched and copied.
/// </summary>
public static class PdfStatementDocument
{
    public const string ContentType = "application/pdf";

    internal const float PageWidth = 595.28f;
    internal const float PageHeight = 841.89f;
    private const float Margin = 56.7f; // 2 cm
    private const float ClauseIndent = 24f;

    private static readonly SKColor Ink = SKColors.Black;
    private static readonly SKColor Muted = new(0x59, 0x59, 0x59);

    private static readonly TextStyle Title = new(18, Bold: true, Ink, SpaceAfter: 4);
    private static readonly TextStyle DialogueLine = new(11, Bold: false, Muted, SpaceAfter: 18);
    private static readonly TextStyle Clause = new(11, Bold: false, Ink, SpaceAfter: 1);
    private static readonly TextStyle ClauseNote = new(9, Bold: false, Muted, SpaceAfter: 10);
    private static readonly TextStyle Frozen = new(9, Bold: false, Muted, SpaceAfter: 8);
    private static readonly TextStyle Signature = new(11, Bold: false, Ink, SpaceAfter: 3);
    private static readonly TextStyle HistoryHeading = new(12, Bold: true, Ink, SpaceAfter: 6);

    public static byte[] Render(StatementDocument document, ExportFonts fonts)
    {
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = document.Title, Creator = "Deliberation" }))
        {
            Draw(document, fonts, () => pdf.BeginPage(PageWidth, PageHeight), pdf.EndPage);
            pdf.Close();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The pages drawn on whatever canvases <paramref name="beginPage"/> hands out: the PDF's, or a
    /// bitmap's, which is how a test looks at the page as a picture (docs/screenshots).
    /// </summary>
    internal static void Draw(StatementDocument document, ExportFonts fonts, Func<SKCanvas> beginPage, Action endPage)
    {
        using (var pages = new Pages(beginPage, endPage, fonts))
        {
            pages.Paragraph(document.Title, Title);
            pages.Paragraph(document.DialogueLine, DialogueLine);
            foreach (var clause in document.Clauses)
            {
                pages.Paragraph(clause.Text, Clause, ClauseIndent, label: $"{clause.Number}.");
                pages.Paragraph($"{clause.Kind} · {clause.Status}", ClauseNote, ClauseIndent);
            }
            if (document.FrozenLine is { } frozen)
            {
                pages.Space(8);
                pages.Paragraph(frozen, Frozen);
                foreach (var signature in document.Signatures)
                    pages.Paragraph(signature.Line, Signature, ClauseIndent, label: "•");
            }
            pages.Space(8);
            pages.Paragraph(StatementDocument.HistoryHeading, HistoryHeading);
            foreach (var head in document.HeadLines)
                pages.Paragraph(head, Frozen);
            pages.Paragraph(document.VerifyLine, Frozen);
        }
    }

    private sealed record TextStyle(float Size, bool Bold, SKColor Color, float SpaceAfter);

    /// <summary>Lines laid down the page, a new page when one is full.</summary>
    private sealed class Pages(Func<SKCanvas> beginPage, Action endPage, ExportFonts fonts) : IDisposable
    {
        private const float Bottom = PageHeight - Margin;
        private const float TextWidth = PageWidth - 2 * Margin;

        private readonly Dictionary<(SKTypeface Face, float Size, bool Embolden), SKFont> fontCache = [];
        private readonly SKPaint paint = new() { IsAntialias = true };
        private SKCanvas? canvas;
        private float top;

        public void Paragraph(string text, TextStyle style, float indent = 0, string? label = null)
        {
            using var metricsFont = new SKFont(fonts.Body, style.Size);
            var ascent = -metricsFont.Metrics.Ascent;
            var lineHeight = Math.Max(metricsFont.Spacing, style.Size * 1.35f);
            paint.Color = style.Color;
            var lines = Wrap(text, style, TextWidth - indent);
            for (var i = 0; i < lines.Count; i++)
            {
                if (canvas is null || top + lineHeight > Bottom)
                    NewPage();
                var baseline = top + ascent;
                if (i == 0 && label is not null)
                    Draw(label, style, Margin, baseline);
                Draw(lines[i], style, Margin + indent, baseline);
                top += lineHeight;
            }
            top += style.SpaceAfter;
        }

        public void Space(float points) => top += points;

        public void Dispose()
        {
            if (canvas is not null)
                endPage();
            foreach (var font in fontCache.Values)
                font.Dispose();
            paint.Dispose();
        }

        private void NewPage()
        {
            if (canvas is not null)
                endPage();
            canvas = beginPage();
            top = Margin;
        }

        private void Draw(string line, TextStyle style, float left, float baseline)
        {
            foreach (var (run, font) in Runs(line, style))
            {
                canvas!.DrawText(run, left, baseline, font, paint);
                left += font.MeasureText(run);
            }
        }

        private float Measure(string text, TextStyle style) => Runs(text, style).Sum(r => r.Font.MeasureText(r.Text));

        /// <summary>The text cut where its face changes: the body (or bold) face where it has the glyph, else a fallback.</summary>
        private IEnumerable<(string Text, SKFont Font)> Runs(string text, TextStyle style)
        {
            var run = new StringBuilder();
            SKFont? current = null;
            foreach (var rune in text.EnumerateRunes())
            {
                var font = FontFor(rune.Value, style);
                if (current is not null && font != current)
                {
                    yield return (run.ToString(), current);
                    run.Clear();
                }
                current = font;
                run.Append(rune.ToString());
            }
            if (current is not null)
                yield return (run.ToString(), current);
        }

        private SKFont FontFor(int codePoint, TextStyle style)
        {
            if (style.Bold && fonts.Bold is { } bold && bold.ContainsGlyph(codePoint))
                return Font(bold, style.Size, embolden: false);
            var face = fonts.Body.ContainsGlyph(codePoint) ? fonts.Body : fonts.FallbackFor(codePoint) ?? fonts.Body;
            return Font(face, style.Size, embolden: style.Bold);
        }

        private SKFont Font(SKTypeface face, float size, bool embolden)
        {
            if (!fontCache.TryGetValue((face, size, embolden), out var font))
            {
                // Linear metrics: advances as the outlines give them, not hinted for a screen, so measured widths match the page.
                font = new SKFont(face, size) { Embolden = embolden, LinearMetrics = true, Subpixel = true };
                fontCache[(face, size, embolden)] = font;
            }
            return font;
        }

        /// <summary>Greedy line filling: a line breaks after a space, or anywhere around a CJK character.</summary>
        private List<string> Wrap(string text, TextStyle style, float width)
        {
            var lines = new List<string>();
            foreach (var hardLine in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = new StringBuilder();
                var lineWidth = 0f;
                foreach (var unit in BreakUnits(hardLine))
                {
                    var unitWidth = Measure(unit, style);
                    if (line.Length > 0 && lineWidth + Measure(unit.TrimEnd(), style) > width)
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear();
                        lineWidth = 0;
                    }
                    if (line.Length == 0 && Measure(unit.TrimEnd(), style) > width)
                    {
                        // A word longer than a line (a hash, a link) is cut where it reaches the margin.
                        foreach (var rune in unit.EnumerateRunes())
                        {
                            var runeWidth = Measure(rune.ToString(), style);
                            if (line.Length > 0 && lineWidth + runeWidth > width)
                            {
                                lines.Add(line.ToString().TrimEnd());
                                line.Clear();
                                lineWidth = 0;
                            }
                            line.Append(rune.ToString());
                            lineWidth += runeWidth;
                        }
                        continue;
                    }
                    line.Append(unit);
                    lineWidth += unitWidth;
                }
                lines.Add(line.ToString().TrimEnd());
            }
            return lines;
        }

        /// <summary>The pieces a line may not break inside: a word with the spaces after it, or one CJK character.</summary>
        private static IEnumerable<string> BreakUnits(string text)
        {
            var unit = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                // Chinese and Japanese are written without spaces: a line may break between any two characters.
                var wide = IsWide(rune.Value);
                var afterSpace = unit.Length > 0 && char.IsWhiteSpace(unit[^1]) && !Rune.IsWhiteSpace(rune);
                if (unit.Length > 0 && (wide || afterSpace))
                {
                    yield return unit.ToString();
                    unit.Clear();
                }
                unit.Append(rune.ToString());
                if (wide && !Rune.IsWhiteSpace(rune))
                {
                    yield return unit.ToString();
                    unit.Clear();
                }
            }
            if (unit.Length > 0)
                yield return unit.ToString();
        }

        private static bool IsWide(int codePoint) => codePoint is
            >= 0x1100 and <= 0x11FF // Hangul Jamo
            or >= 0x2E80 and <= 0xA4CF // CJK radicals and punctuation, kana, Bopomofo, ideographs, Yi
            or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFF00 and <= 0xFFEF // full-width forms
            or >= 0x20000 and <= 0x3FFFF; // CJK extensions
    }
}
