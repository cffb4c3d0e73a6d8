using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using Deliberation.Contracts.Http;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;
using Deliberation.Server.Documents;
using Deliberation.Server.Tests.Infrastructure;
using UglyToad.PdfPig;
using static Deliberation.Server.Tests.Infrastructure.ConsensusJson;
using static Deliberation.Server.Tests.Infrastructure.HandWorkedDialogue;

namespace Deliberation.Server.Tests;

/// <summary>
/// The Word and PDF exports of docs/api.md, read back with libraries of their own (OpenXML SDK,
/// PdfPig), so a document that merely opens but lacks the text fails.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StatementExportTests(ServerFixture fixture)
{
    private const string RedLine = "No autonomous weapon may select targets without human control.";
    private const string Principle = "Signatories share evaluation results with the international scientific panel within ninety days.";
    private const string ChineseSigner = "张伟";
    private const string ChineseAffiliation = "清华大学";
    private const string LatinSigner = "Ada Lovelace";

    // A delegate who takes a position but does not sign: exports never name her.
    private const string SilentDelegate = "Nadia Positiontaker";

    private ServerFactory Server => fixture.Server;

    [Fact]
    public async Task WordExportHasTheClausesAndTheSignaturesAndIsADownload()
    {
        var (dialogue, redLine) = await FrozenAndSignedAsync();
        using var _ = dialogue;
        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=docx");

        await AssertDownloadAsync(response, DocxStatementDocument.ContentType, "Joint-statement.docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("Joint statement", paragraphs[0]);
        Assert.Contains($"1.{RedLine}", paragraphs);
        Assert.Contains($"2.{Principle}", paragraphs);
        // The compilation is a working paper: it notes kind and status, in the room's words.
        Assert.Contains($"Red line · {StatusLabel(Clause(await dialogue.ConsensusAsync(), redLine))}", paragraphs);
        Assert.Contains($"Frozen text SHA-256: {await FrozenHashAsync(dialogue)}", paragraphs);
        Assert.Contains(StatementDocument.SignatoriesHeading, paragraphs);
        // The name, the affiliation and the capacity on lines of their own: InnerText joins them.
        Assert.Contains($"{ChineseSigner}{ChineseAffiliation}Personal capacity", paragraphs);
        Assert.Contains($"{LatinSigner}Analytical Engines LtdInstitutional capacity", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains(SilentDelegate, StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => InternalNames.Any(n => p.Contains(n, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PdfExportHasTheClausesAndTheSignaturesAsTextAndIsADownload()
    {
        var (dialogue, redLine) = await FrozenAndSignedAsync();
        using var _ = dialogue;
        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=pdf");

        await AssertDownloadAsync(response, PdfStatementDocument.ContentType, "Joint-statement.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var text = PdfText(bytes, out var pages);
        Assert.True(pages > 0);
        Assert.Contains(Squeezed("Joint statement"), text);
        Assert.Contains(Squeezed($"1. {RedLine}"), text);
        Assert.Contains(Squeezed($"2. {Principle}"), text);
        Assert.Contains(Squeezed($"Red line · {StatusLabel(Clause(await dialogue.ConsensusAsync(), redLine))}"), text);
        Assert.Contains(Squeezed($"Frozen text SHA-256: {await FrozenHashAsync(dialogue)}"), text);
        Assert.Contains(Squeezed($"{LatinSigner} Analytical Engines Ltd Institutional capacity"), text);
        Assert.DoesNotContain(InternalNames, n => text.Contains(Squeezed(n), StringComparison.Ordinal));
        // scripts/test.sh installs a CJK face (fonts-droid-fallback); without one the name would print as boxes.
        Assert.True(ExportFonts.Installed!.FallbackFor(ChineseSigner[0]) is not null, "No installed font has Chinese glyphs: install fonts-droid-fallback.");
        Assert.Contains(Squeezed($"{ChineseSigner} {ChineseAffiliation} Personal capacity"), text);
        Assert.DoesNotContain(Squeezed(SilentDelegate), text);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("docx")]
    [InlineData("pdf")]
    public async Task TheCleanExportIsTheStatementThenItsSignatoriesThenTheRecordWithNoKindOrStatus(string format)
    {
        var (dialogue, _) = await FrozenAndSignedAsync();
        using var _ = dialogue;
        var response = await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format={format}&clean=true");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = format switch
        {
            "md" => Squeezed(System.Text.Encoding.UTF8.GetString(bytes)),
            "html" => Squeezed(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(bytes), "<[^>]*>", " "))),
            "docx" => Squeezed(WordText(bytes)),
            _ => PdfText(bytes, out var pageCount),
        };

        // Title; the statement; signatories (alphabetical: 'A' before '张'); then hash and heads in small print.
        AssertInOrder(text, "Joint statement", $"1. {RedLine}", $"2. {Principle}",
            StatementDocument.SignatoriesHeading, StatementDocument.AffiliationNote,
            LatinSigner, "Analytical Engines Ltd", "Institutional capacity",
            ChineseSigner, ChineseAffiliation, "Personal capacity",
            await FrozenHashAsync(dialogue), StatementDocument.HistoryHeading, StreamIds.Dialogue(dialogue.Id));
        // Published text: no kinds, no statuses, in the enums' names or the room's words.
        var kindsAndStatuses = InternalNames.Concat(Enum.GetValues<ClauseStatus>().Select(ExportLabels.Of)).Concat(Enum.GetValues<ClauseKind>().Select(ExportLabels.Of));
        Assert.DoesNotContain(kindsAndStatuses, n => text.Contains(Squeezed(n), StringComparison.Ordinal));
        Assert.DoesNotContain(Squeezed(SilentDelegate), text);
    }

    [Fact]
    public async Task AnUnknownExportFormatIsRefusedNamingAllFive()
    {
        using var dialogue = await CreateAsync(Server);
        var refusal = await Expect.RefusedAsync(
            await dialogue.Convener.GetAsync($"{dialogue.StatementUrl}/export?format=odt"), HttpStatusCode.BadRequest, "export.unknown-format");
        var detail = refusal["detail"]!.GetValue<string>();
        foreach (var format in new[] { "md", "html", "docx", "pdf", "json" })
            Assert.Contains(format, detail.Split([',', ' ', '.'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void PdfStatementExportWithoutAChineseFaceStillPrintsEverythingElse()
    {
        var bodyOnly = new ExportFonts(ExportFonts.Installed!.Body, bold: null, fallbacks: []);
        var document = new StatementDocument("联合声明 Joint statement", "对话 Dialogue", "Beijing", null, null, "zh", Clean: true,
            [new ExportedClause(1, ClauseKind.Principle, $"各方同意 the parties agree. {Principle}", ClauseStatus.Agreed)],
            new string('a', 64), [new ExportedSignature(ChineseSigner, ChineseAffiliation, SignatureCapacity.Personal), new ExportedSignature(LatinSigner, null, SignatureCapacity.Personal)], Guid.NewGuid(), SomeHeads);

        var text = PdfText(PdfStatementDocument.Render(document, bodyOnly), out _);

        Assert.Contains(Squeezed("Joint statement"), text);
        Assert.Contains(Squeezed($"the parties agree. {Principle}"), text);
        Assert.Contains(Squeezed($"{LatinSigner} Personal capacity"), text);
        // The Chinese signature is there too, its name as missing-glyph boxes.
        Assert.Equal(2, CountOf(text, Squeezed("Personal capacity")));
    }

    [Fact]
    public void PdfStatementExportFlowsALongStatementOntoFurtherPages()
    {
        var filler = string.Join(' ', Enumerable.Repeat("The parties recall their commitments and reaffirm them in full.", 6));
        var clauses = Enumerable.Range(1, 40).Select(n => new ExportedClause(n, ClauseKind.Other, $"{filler} Marker{n}end.", ClauseStatus.Contested)).ToList();
        var document = new StatementDocument("A long statement", "Dialogue", null, null, null, "en", Clean: false, clauses, null, [], Guid.NewGuid(), SomeHeads);

        var text = PdfText(PdfStatementDocument.Render(document, ExportFonts.Installed!), out var pages);

        Assert.True(pages > 3, $"{pages} pages");
        Assert.All(clauses, c => Assert.Contains($"Marker{c.Number}end.", text));
        // Nothing lost where a line or a page breaks.
        Assert.Equal(40 * 6, CountOf(text, Squeezed("reaffirm them in full.")));
    }

    [Theory]
    [InlineData("Joint statement", "pdf", "Joint-statement.pdf")]
    [InlineData("  Venice: 2025/26 \"final\"  ", "docx", "Venice-2025-26-final.docx")]
    [InlineData("联合声明：人工智能安全", "pdf", "联合声明：人工智能安全.pdf")]
    [InlineData("../../etc/passwd", "pdf", "etc-passwd.pdf")]
    [InlineData("...", "pdf", "statement.pdf")]
    public void StatementExportFileNamesKeepTheTitleButNothingAFileSystemRefuses(string title, string extension, string expected) =>
        Assert.Equal(expected, ExportFileName.For(title, extension));

    /// <summary>Two clauses, a position by someone who does not sign, the text frozen, and two signatures, one Chinese.</summary>
    private async Task<(TestDialogue Dialogue, Guid RedLine)> FrozenAndSignedAsync()
    {
        var dialogue = await TestDialogue.CreateAsync(Server, ConfidentialityMode.ChathamHouse, Dimensions,
            new Seat(ChineseSigner, Role.Delegate, ("Region", "North"), ("Sector", "Academia")),
            new Seat(LatinSigner, Role.Delegate, ("Region", "South"), ("Sector", "Industry")),
            new Seat(SilentDelegate, Role.Delegate, ("Region", "South"), ("Sector", "Academia")));
        var redLine = await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, RedLine, ClauseKind.RedLine);
        await dialogue.ProposeClauseAsync(TestDialogue.ConvenerName, Principle);
        await dialogue.SetPhaseAsync(TestDialogue.ConvenerName, Phase.Deliberation);
        await dialogue.TakePositionAsync(SilentDelegate, redLine, PositionKind.Oppose);
        foreach (var phase in new[] { Phase.Drafting, Phase.FinalReading, Phase.Signing })
            await dialogue.SetPhaseAsync(TestDialogue.ConvenerName, phase);
        await dialogue.AcceptAsync(TestDialogue.ConvenerName, new FreezeStatement());
        var hash = await FrozenHashAsync(dialogue);
        await dialogue.AcceptAsync(ChineseSigner, new Sign(ChineseAffiliation, SignatureCapacity.Personal, hash));
        await dialogue.AcceptAsync(LatinSigner, new Sign("Analytical Engines Ltd", SignatureCapacity.Institutional, hash));
        return (dialogue, redLine);
    }

    /// <summary>The enums' own names for kinds and statuses, which no document prints.</summary>
    private static readonly string[] InternalNames = [.. Enum.GetNames<ClauseKind>().Concat(Enum.GetNames<ClauseStatus>()).Where(n => n.Any(char.IsUpper) && n.Skip(1).Any(char.IsUpper))];

    private static string StatusLabel(System.Text.Json.Nodes.JsonNode clause) => ExportLabels.Of(Enum.Parse<ClauseStatus>(Status(clause)));

    private static readonly HistoryHeads SomeHeads = new(
        new StreamHead(StreamIds.Dialogue(Guid.Empty), 12, new string('d', 64)), new StreamHead(StreamIds.Statement(Guid.Empty), 34, new string('5', 64)));

    private static async Task<string> FrozenHashAsync(TestDialogue dialogue) =>
        (await dialogue.Convener.GetJsonAsync(dialogue.StatementUrl))["frozen"]!["hash"]!.GetValue<string>();

    private static async Task AssertDownloadAsync(HttpResponseMessage response, string contentType, string fileName)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition ?? ContentDispositionHeaderValue.Parse("inline");
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
    }

    /// <summary>All pages' text without whitespace: where a PDF breaks a line, and so whether a space survives, is layout.</summary>
    private static string PdfText(byte[] pdf, out int pages)
    {
        using var document = PdfDocument.Open(pdf);
        pages = document.NumberOfPages;
        return Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string WordText(byte[] docx)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return string.Join('\n', word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Each part found after the one before it (whitespace aside).</summary>
    private static void AssertInOrder(string squeezedText, params string[] parts)
    {
        var from = 0;
        foreach (var part in parts)
        {
            var at = squeezedText.IndexOf(Squeezed(part), from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{part}' is missing, or comes too early, in: {squeezedText}");
            from = at + Squeezed(part).Length;
        }
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
