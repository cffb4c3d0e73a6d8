using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as a document: the compilation (brackets kept, each clause's kind and status
/// noted) or the clean text that gets published (each open bracket's first option, no kinds or
/// statuses), with the signatories and the history heads at export time, in StatementDocument's
/// order in every format. Exports never attribute positions: they carry counts only. Word and PDF
/// files come as downloads named after the statement.
/// </summary>
public static class StatementExport
{
    public static readonly string[] Formats = ["md", "html", "docx", "pdf", "json"];

    public static Results<ContentHttpResult, FileContentHttpResult, Ok<ExportedStatement>, ProblemHttpResult> Render(
        string format, DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean, HistoryHeads heads, string? language = null, ExportWords? words = null)
    {
        if (language is not null && language != StatementDocument.Parallel && !dialogue.Languages.IsWorking(language))
            return BadRequest("export.unknown-language",
                $"Export in a working language ({string.Join(", ", dialogue.Languages.All)}) or '{StatementDocument.Parallel}' for them side by side.");
        var document = StatementDocument.From(dialogue, statement, consensus, clean, heads, language, words);
        return format.ToLowerInvariant() switch
        {
            "md" => TypedResults.Text(MarkdownStatementDocument.Render(document), MarkdownStatementDocument.ContentType),
            "html" => TypedResults.Text(HtmlStatementDocument.Render(document), HtmlStatementDocument.ContentType),
            "docx" => TypedResults.File(DocxStatementDocument.Render(document), DocxStatementDocument.ContentType, ExportFileName.For(document.Title, "docx")),
            "pdf" => Pdf(document),
            "json" => TypedResults.Ok(new ExportedStatement(dialogue.Settings, statement.Title, statement.Frozen, document.Clauses, [.. statement.Signatures.Values], [.. heads.All()])),
            _ => UnknownFormat(),
        };
    }

    // The same problem shape as every refused request (Api/Problems), built here so that document
    // rendering does not reach back up into the endpoints.
    private static ProblemHttpResult UnknownFormat() => BadRequest("export.unknown-format", $"Export formats are {string.Join(", ", Formats)}.");

    private static ProblemHttpResult BadRequest(string rule, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: message,
        detail: message,
        type: $"https://deliberation.dev/rules/{rule}",
        extensions: new Dictionary<string, object?> { ["rule"] = rule });

    private static Results<ContentHttpResult, FileContentHttpResult, Ok<ExportedStatement>, ProblemHttpResult> Pdf(StatementDocument document) => ExportFonts.Installed is { } fonts
        ? TypedResults.File(PdfStatementDocument.Render(document, fonts), PdfStatementDocument.ContentType, ExportFileName.For(document.Title, "pdf"))
        // The server's fault, not the caller's: say what to install rather than send a PDF of empty boxes.
        : TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "The server has no font to draw PDFs with.",
            detail: "Install a font on the server (on Debian: fonts-dejavu-core, and fonts-droid-fallback or fonts-noto-cjk for Chinese), or export as docx.",
            type: "https://deliberation.dev/rules/export.no-font",
            extensions: new Dictionary<string, object?> { ["rule"] = "export.no-font" });
}
