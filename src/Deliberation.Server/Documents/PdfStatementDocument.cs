using System.Text;
using SkiaSharp;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as an A4 PDF laid out like a published dialogue statement, in StatementDocument's
/// order: a centred head (title, dialogue, place and dates) over a rule, the numbered clauses with
/// hanging numbers, the signatories in two columns (name, then affiliation and capacity), and the
/// record in small print at the end; page numbers at the foot. A heading never ends a page, and
/// a clause stays with its note. Drawn with Skia's PDF backend, which embeds the faces it draws
/// with and maps their glyphs back to Unicode, so the text can be searched and copied.
/// </summary>
public static class PdfStatementDocument
{
    public const string ContentType = "application/pdf";

    internal const float PageWidth = 595.28f;
    internal const float PageHeight = 841.89f;
    private const float SideMargin = 68f; // 2.4 cm: a comfortable measure for 11-point text
    private const float TopMargin = 64f;
    private const float BottomMargin = 72f; // room for the page number
    private const float ClauseIndent = 26f;
    private const float ColumnGap = 24f;

    private static readonly SKColor Ink = new(0x1A, 0x1A, 0x1A);
    private static readonly SKColor Muted = new(0x4D, 0x4D, 0x4D);
    private static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);
    private static readonly SKColor Hairline = new(0xBF, 0xBF, 0xBF);

    private static readonly TextStyle Title = new(20, Bold: true, Ink, SpaceAfter: 6, LineSpacing: 1.25f);
    private static readonly TextStyle DialogueLine = new(9.5f, Bold: true, Accent, SpaceAfter: 4);
    private static readonly TextStyle PlaceAndDate = new(10.5f, Bold: false, Muted, SpaceAfter: 0);
    private static readonly TextStyle Clause = new(11, Bold: false, Ink, SpaceAfter: 9, LineSpacing: 1.5f);
    private static readonly TextStyle ClauseNumber = Clause with { Bold = true };
    private static readonly TextStyle ClauseNote = new(8.5f, Bold: false, Muted, SpaceAfter: 10);
    private static readonly TextStyle SectionHeading = new(12.5f, Bold: true, Accent, SpaceAfter: 3);
    private static readonly TextStyle Identification = new(9, Bold: false, Muted, SpaceAfter: 12);
    private static readonly TextStyle SignatoryName = new(10.5f, Bold: true, Ink, SpaceAfter: 0, LineSpacing: 1.3f);
    private static readonly TextStyle SignatoryDetails = new(9, Bold: false, Muted, SpaceAfter: 9, LineSpacing: 1.3f);
    private static readonly TextStyle SmallPrint = new(7.5f, Bold: false, Muted, SpaceAfter: 3);
    private static readonly TextStyle SmallPrintHeading = SmallPrint with { Bold = true };
    private static readonly TextStyle PageNumber = new(8.5f, Bold: false, Muted, SpaceAfter: 0);

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
        // Laid out once on recorders only to count the pages, so each foot can say "2 of 3".
        var pageCount = 0;
        using (var recorder = new SKPictureRecorder())
            Lay(document, fonts, () =>
            {
                pageCount++;
                return recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));
            }, () => recorder.EndRecording().Dispose(), pageCount: null);
        Lay(document, fonts, beginPage, endPage, pageCount);
    }

    private static void Lay(StatementDocument document, ExportFonts fonts, Func<SKCanvas> beginPage, Action endPage, int? pageCount)
    {
        using var pages = new Pages(beginPage, endPage, fonts, pageCount);
        pages.Paragraph(document.Title, Title, align: Align.Centre);
        pages.Paragraph(document.DialogueTitle.ToUpperInvariant(), DialogueLine, align: Align.Centre);
        if (document.PlaceAndDateLine is { } placeAndDate)
            pages.Paragraph(placeAndDate, PlaceAndDate, align: Align.Centre);
        pages.Space(14);
        pages.Rule(Accent, 0.8f, inset: 150);
        pages.Space(22);

        foreach (var clause in document.Clauses)
        {
            var note = document.NoteFor(clause);
            if (clause.ParallelText is { } parallelText)
            {
                pages.KeepTogether(pages.HeightOfParallel(clause.Text, parallelText, Clause, ClauseIndent, ColumnGap) + (note is null ? 0 : pages.HeightOf(note, ClauseNote, ClauseIndent)));
                pages.ParallelParagraph(clause.Text, parallelText, note is null ? Clause : Clause with { SpaceAfter = 2 }, ClauseIndent, ColumnGap, $"{clause.Number}.", ClauseNumber);
                if (note is not null)
                    pages.Paragraph(note, ClauseNote, ClauseIndent);
                continue;
            }
            var height = pages.HeightOf(clause.Text, Clause, ClauseIndent) + (note is null ? 0 : pages.HeightOf(note, ClauseNote, ClauseIndent));
            // A clause and its note on one page, unless the clause alone is longer than a page.
            pages.KeepTogether(height);
            pages.Paragraph(clause.Text, note is null ? Clause : Clause with { SpaceAfter = 2 }, ClauseIndent, label: $"{clause.Number}.", labelStyle: ClauseNumber);
            if (note is not null)
                pages.Paragraph(note, ClauseNote, ClauseIndent);
        }

        if (document.Signatures.Count > 0)
        {
            pages.Space(16);
            // The heading, its note and the first row of names together: a heading never ends a page.
            var firstRow = pages.SignatoryRowHeight(document.Signatures.Take(2).ToList(), ColumnGap);
            pages.KeepTogether(pages.HeightOf(document.Words.Signatories, SectionHeading) + pages.HeightOf(document.Words.AffiliationNote, Identification) + firstRow);
            pages.Paragraph(document.Words.Signatories, SectionHeading);
            pages.Paragraph(document.Words.AffiliationNote, Identification);
            // Row by row, in alphabetical order across: a page break then never splits a reading order.
            foreach (var row in document.Signatures.Chunk(2))
                pages.SignatoryRow(row, ColumnGap);
        }

        // The record in small print after the statement, kept together where it fits.
        pages.Space(20);
        var record = (document.FrozenLine is { } f ? pages.HeightOf(f, SmallPrint) : 0)
            + pages.HeightOf(document.Words.History, SmallPrintHeading)
            + document.HeadLines.Sum(h => pages.HeightOf(h, SmallPrint)) + pages.HeightOf(document.VerifyLine, SmallPrint);
        pages.KeepTogether(record + 10);
        pages.Rule(Hairline, 0.5f);
        pages.Space(8);
        if (document.FrozenLine is { } frozen)
            pages.Paragraph(frozen, SmallPrint);
        pages.Paragraph(document.Words.History, SmallPrintHeading);
        foreach (var head in document.HeadLines)
            pages.Paragraph(head, SmallPrint);
        pages.Paragraph(document.VerifyLine, SmallPrint);
    }

    internal enum Align { Start, Centre }

    internal sealed record TextStyle(float Size, bool Bold, SKColor Color, float SpaceAfter, float LineSpacing = 1.4f);

    /// <summary>Lines laid down the page, a new page when one is full, each page numbered at its foot.</summary>
    internal sealed class Pages(Func<SKCanvas> beginPage, Action endPage, ExportFonts fonts, int? pageCount) : IDisposable
    {
        private const float Bottom = PageHeight - BottomMargin;
        private const float TextWidth = PageWidth - 2 * SideMargin;

        private readonly Dictionary<(SKTypeface Face, float Size, bool Embolden), SKFont> fontCache = [];
        private readonly SKPaint paint = new() { IsAntialias = true };
        private SKCanvas? canvas;
        private float top;
        private int page;

        public void Paragraph(string text, TextStyle style, float indent = 0, string? label = null, TextStyle? labelStyle = null, Align align = Align.Start) =>
            Lines(Wrap(text, style, TextWidth - indent), style, SideMargin + indent, TextWidth - indent, align, label, labelStyle);

        public float HeightOf(string text, TextStyle style, float indent = 0) =>
            Wrap(text, style, TextWidth - indent).Count * LineHeight(style) + style.SpaceAfter;

        /// <summary>A new page unless <paramref name="height"/> fits on this one; no help for what is taller than a page.</summary>
        public void KeepTogether(float height)
        {
            if (canvas is null || (top + height > Bottom && height <= Bottom - TopMargin))
                NewPage();
        }

        public void Space(float points) => top += points;

        /// <summary>A figure of <paramref name="height"/> across the text, kept on one page, drawn by <paramref name="draw"/> in its box.</summary>
        public void Figure(float height, Action<SKCanvas, SKRect> draw)
        {
            KeepTogether(height);
            draw(canvas!, new SKRect(SideMargin, top, PageWidth - SideMargin, top + height));
            top += height;
        }

        /// <summary>Text drawn at a point of the page, outside the flow (a figure's labels).</summary>
        public void Label(string text, TextStyle style, float left, float baseline) => Draw(text, style, left, baseline);

        /// <summary>A horizontal rule across the text, shortened by <paramref name="inset"/> on each side.</summary>
        public void Rule(SKColor color, float width, float inset = 0)
        {
            if (canvas is null)
                NewPage();
            using var line = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true, Style = SKPaintStyle.Stroke };
            canvas!.DrawLine(SideMargin + inset, top, PageWidth - SideMargin - inset, top, line);
        }

        public float HeightOfParallel(string left, string right, TextStyle style, float indent, float gap)
        {
            var width = (TextWidth - indent - gap) / 2;
            return Math.Max(Wrap(left, style, width).Count, Wrap(right, style, width).Count) * LineHeight(style) + style.SpaceAfter;
        }

        /// <summary>
        /// A clause in two languages side by side under one hanging number, the row kept on one page
        /// where it fits (a clause longer than a page continues column by column).
        /// </summary>
        public void ParallelParagraph(string left, string right, TextStyle style, float indent, float gap, string label, TextStyle labelStyle)
        {
            var width = (TextWidth - indent - gap) / 2;
            var height = HeightOfParallel(left, right, style, indent, gap);
            KeepTogether(height);
            var rowTop = top;
            var rowPage = page;
            Lines(Wrap(left, style, width), style with { SpaceAfter = 0 }, SideMargin + indent, width, Align.Start, label, labelStyle);
            var (leftEnd, leftPage) = (top, page);
            if (page == rowPage)
                top = rowTop;
            Lines(Wrap(right, style, width), style with { SpaceAfter = 0 }, SideMargin + indent + width + gap, width, Align.Start);
            top = (page == leftPage ? Math.Max(top, leftEnd) : top) + style.SpaceAfter;
        }

        public float SignatoryRowHeight(IReadOnlyList<ExportedSignature> row, float gap)
        {
            var width = (TextWidth - gap) / 2;
            return row.Count == 0 ? 0 : row.Max(s =>
                Wrap(s.Name, SignatoryName, width).Count * LineHeight(SignatoryName)
                + s.DetailLines.Sum(line => Wrap(line, SignatoryDetails, width).Count) * LineHeight(SignatoryDetails)) + SignatoryDetails.SpaceAfter;
        }

        /// <summary>Up to two signatories side by side, the row kept on one page.</summary>
        public void SignatoryRow(IReadOnlyList<ExportedSignature> row, float gap)
        {
            var height = SignatoryRowHeight(row, gap);
            KeepTogether(height);
            var width = (TextWidth - gap) / 2;
            var rowTop = top;
            for (var column = 0; column < row.Count; column++)
            {
                top = rowTop;
                var left = SideMargin + column * (width + gap);
                Lines(Wrap(row[column].Name, SignatoryName, width), SignatoryName with { SpaceAfter = 0 }, left, width, Align.Start);
                foreach (var line in row[column].DetailLines)
                    Lines(Wrap(line, SignatoryDetails, width), SignatoryDetails with { SpaceAfter = 0 }, left, width, Align.Start);
            }
            top = rowTop + height;
        }

        public void Dispose()
        {
            EndPage();
            foreach (var font in fontCache.Values)
                font.Dispose();
            paint.Dispose();
        }

        private void Lines(List<string> lines, TextStyle style, float left, float width, Align align, string? label = null, TextStyle? labelStyle = null)
        {
            var ascent = -Font(fonts.Body, style.Size, embolden: false).Metrics.Ascent;
            var lineHeight = LineHeight(style);
            for (var i = 0; i < lines.Count; i++)
            {
                if (canvas is null || top + lineHeight > Bottom)
                    NewPage();
                var baseline = top + ascent;
                if (i == 0 && label is not null)
                    Draw(label, labelStyle ?? style, SideMargin, baseline);
                var x = align == Align.Centre ? left + (width - Measure(lines[i], style)) / 2 : left;
                Draw(lines[i], style, x, baseline);
                top += lineHeight;
            }
            top += style.SpaceAfter;
        }

        private float LineHeight(TextStyle style) => Math.Max(Font(fonts.Body, style.Size, embolden: false).Spacing, style.Size * style.LineSpacing);

        private void NewPage()
        {
            EndPage();
            canvas = beginPage();
            page++;
            top = TopMargin;
        }

        /// <summary>The page's number at its foot, drawn last so a reader of the text meets it after the page's content.</summary>
        private void EndPage()
        {
            if (canvas is null)
                return;
            var number = pageCount is { } count ? $"{page} / {count}" : $"{page}";
            var ascent = -Font(fonts.Body, PageNumber.Size, embolden: false).Metrics.Ascent;
            paint.Color = PageNumber.Color;
            Draw(number, PageNumber, (PageWidth - Measure(number, PageNumber)) / 2, PageHeight - BottomMargin / 2 + ascent / 2);
            endPage();
            canvas = null;
        }

        private void Draw(string line, TextStyle style, float left, float baseline)
        {
            paint.Color = style.Color;
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
