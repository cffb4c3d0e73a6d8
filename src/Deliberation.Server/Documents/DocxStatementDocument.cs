using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as a Word document, to be edited on after the dialogue, in StatementDocument's
/// order and laid out like the PDF: a centred head, the clauses, the signatories under a Word
/// heading, the record in small print. Clause numbers are
/// typed, not Word's automatic numbering: they are how the clauses are referred to, and must not
/// shift when someone edits the document.
/// </summary>
public static class DocxStatementDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string TitleStyle = "Title";
    private const string DialogueStyle = "Subtitle";
    private const string PlaceDateStyle = "PlaceDate";
    private const string ClauseStyle = "Clause";
    private const string ClauseWithNoteStyle = "ClauseWithNote";
    private const string ClauseNoteStyle = "ClauseNote";
    private const string SignatoriesStyle = "Heading1";
    private const string IdentificationStyle = "Identification";
    private const string SignatureStyle = "Signature";
    private const string FrozenStyle = "Frozen";
    private const string HistoryStyle = "Heading2";
    private const string HeadStyle = "Head";

    // Word measures indents in twentieths of a point and font sizes in half points.
    private const int Centimetre = 567;
    private const string Muted = "595959";
    private const string Accent = "1F3A5F";

    public static byte[] Render(StatementDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Creator = "Deliberation";
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();

            var body = new Body(StyledParagraph(TitleStyle, Text(document.Title)), StyledParagraph(DialogueStyle, Text(document.DialogueTitle)));
            if (document.PlaceAndDateLine is { } placeAndDate)
                body.Append(StyledParagraph(PlaceDateStyle, Text(placeAndDate)));
            foreach (var clause in document.Clauses)
            {
                var note = document.NoteFor(clause);
                if (clause.ParallelText is { } parallelText)
                {
                    body.Append(ParallelRow(clause.Number, clause.Text, document.Language, parallelText, document.ParallelLanguage!));
                    if (note is not null)
                        body.Append(StyledParagraph(ClauseNoteStyle, Text(note)));
                    continue;
                }
                body.Append(StyledParagraph(note is null ? ClauseStyle : ClauseWithNoteStyle, [new Run(new Text($"{clause.Number}.")), new Run(new TabChar()), .. Text(clause.Text)]));
                if (note is not null)
                    body.Append(StyledParagraph(ClauseNoteStyle, Text(note)));
            }
            if (document.Signatures.Count > 0)
            {
                body.Append(StyledParagraph(SignatoriesStyle, Text(document.Words.Signatories)));
                body.Append(StyledParagraph(IdentificationStyle, Text(document.Words.AffiliationNote)));
                foreach (var signature in document.Signatures)
                    body.Append(StyledParagraph(SignatureStyle, [new Run(new RunProperties(new Bold()), new Text(XmlSafe(signature.Name)) { Space = SpaceProcessingModeValues.Preserve }),
                        .. signature.DetailLines.SelectMany(line => Text(line).Prepend(new Run(new Break())))]));
            }
            // The record a reader checks the text against, in small print after the statement.
            if (document.FrozenLine is { } frozen)
                body.Append(StyledParagraph(FrozenStyle, Text(frozen)));
            body.Append(StyledParagraph(HistoryStyle, Text(document.Words.History)));
            foreach (var head in document.HeadLines)
                body.Append(StyledParagraph(HeadStyle, Text(head)));
            body.Append(StyledParagraph(HeadStyle, Text(document.VerifyLine)));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 2 * Centimetre, Bottom = 2 * Centimetre, Left = 2 * Centimetre, Right = 2 * Centimetre, Header = 708, Footer = 708, Gutter = 0 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A clause in two languages as one borderless table row: its number, then each language in a
    /// column of its own, each cell's runs tagged with their language so Word picks the right fonts.
    /// </summary>
    private static Table ParallelRow(int number, string left, string leftLanguage, string right, string rightLanguage)
    {
        TableCell Cell(int width, IEnumerable<OpenXmlElement> runs) =>
            new(new TableCellProperties(new TableCellWidth { Width = $"{width}", Type = TableWidthUnitValues.Dxa }), StyledParagraph(ClauseStyle, runs));
        IEnumerable<OpenXmlElement> In(string language, string text) => Text(text).Select(run =>
        {
            run.PrependChild(new RunProperties(new Languages { Val = language, EastAsia = language }));
            return (OpenXmlElement)run;
        });
        var column = (9000 - Centimetre) / 2;
        return new Table(
            new TableProperties(new TableWidth { Width = "9000", Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = $"{Centimetre}" }, new GridColumn { Width = $"{column}" }, new GridColumn { Width = $"{column}" }),
            new TableRow(new TableRowProperties(new CantSplit()),
                Cell(Centimetre, [new Run(new Text($"{number}."))]), Cell(column, In(leftLanguage, left)), Cell(column, In(rightLanguage, right))));
    }

    private static Paragraph StyledParagraph(string style, IEnumerable<OpenXmlElement> runs) =>
        new(runs.Prepend(new ParagraphProperties(new ParagraphStyleId { Val = style })));

    /// <summary>Runs for the text, with its line breaks as Word's.</summary>
    private static IEnumerable<Run> Text(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
                yield return new Run(new Break());
            yield return new Run(new Text(XmlSafe(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    /// <summary>
    /// The text less the control characters XML cannot carry, which would make saving throw; a
    /// lone surrogate comes out as U+FFFD.
    /// </summary>
    private static string XmlSafe(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => !r.IsBmp || XmlConvert.IsXmlChar((char)r.Value)).Select(r => r.ToString()));

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        ParagraphStyle(DialogueStyle, "Subtitle", new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "80" }),
            new StyleRunProperties(new Caps(), new Color { Val = Accent }, new Spacing { Val = 20 }, new FontSize { Val = "18" })),
        ParagraphStyle(TitleStyle, "Title", new StyleParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "120" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = "40" })),
        ParagraphStyle(PlaceDateStyle, "Place and date", new StyleParagraphProperties(new Justification { Val = JustificationValues.Center },
                new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 12, Color = Accent }), new SpacingBetweenLines { After = "480" }),
            new StyleRunProperties(new Italic(), new Color { Val = Muted })),
        ParagraphStyle(ClauseStyle, "Clause", new StyleParagraphProperties(
                new SpacingBetweenLines { After = "200" }, new Indentation { Left = $"{Centimetre}", Hanging = $"{Centimetre}" })),
        // Kept with the next paragraph so a clause is never parted from its note.
        ParagraphStyle(ClauseWithNoteStyle, "Clause with note", new StyleParagraphProperties(
                new KeepNext(), new SpacingBetweenLines { After = "20" }, new Indentation { Left = $"{Centimetre}", Hanging = $"{Centimetre}" })),
        ParagraphStyle(ClauseNoteStyle, "Clause note", new StyleParagraphProperties(new SpacingBetweenLines { After = "200" }, new Indentation { Left = $"{Centimetre}" }),
            new StyleRunProperties(new Color { Val = Muted }, new FontSize { Val = "18" })),
        // Word's own heading styles, so Signatories and History are in the document's outline; kept with what follows.
        ParagraphStyle(SignatoriesStyle, "heading 1", new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }, new SpacingBetweenLines { Before = "480", After = "80" }),
            new StyleRunProperties(new Bold(), new Color { Val = Accent }, new FontSize { Val = "26" })),
        ParagraphStyle(IdentificationStyle, "Identification note", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "200" }),
            new StyleRunProperties(new Italic(), new Color { Val = Muted }, new FontSize { Val = "18" })),
        ParagraphStyle(SignatureStyle, "Signature", new StyleParagraphProperties(new KeepLines(), new SpacingBetweenLines { After = "120", Line = "240", LineRule = LineSpacingRuleValues.Auto })),
        ParagraphStyle(FrozenStyle, "Frozen text", new StyleParagraphProperties(
                new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Space = 8, Color = "BFBFBF" }), new SpacingBetweenLines { Before = "600", After = "80" }),
            new StyleRunProperties(new Color { Val = Muted }, new FontSize { Val = "16" })),
        ParagraphStyle(HistoryStyle, "heading 2", new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 1 }, new SpacingBetweenLines { Before = "160", After = "60" }),
            new StyleRunProperties(new Bold(), new Color { Val = Muted }, new FontSize { Val = "18" })),
        ParagraphStyle(HeadStyle, "History head", new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }),
            new StyleRunProperties(new RunFonts { Ascii = "Consolas", HighAnsi = "Consolas", ComplexScript = "Consolas" }, new Color { Val = Muted }, new FontSize { Val = "16" })));

    private static Style ParagraphStyle(string id, string name, StyleParagraphProperties paragraph, StyleRunProperties? run = null) =>
        new(new OpenXmlElement?[] { new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), paragraph, run }.OfType<OpenXmlElement>())
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
            // Title, Subtitle and the headings are Word's own styles; the others are this document's.
            CustomStyle = id is not (TitleStyle or DialogueStyle or SignatoriesStyle or HistoryStyle),
        };
}
