using System.Net;
using System.Text;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.History;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as a document: its text (compilation with brackets, or clean with the first
/// option of each open bracket), each clause's status, signatures, and the history heads at export
/// time. Exports never attribute positions: they carry counts only. Word and PDF files come as downloads named after the statement.
/// </summary>
public static class StatementExport
{
    public static readonly string[] Formats = ["md", "html", "docx", "pdf", "json"];

    public static Results<ContentHttpResult, FileContentHttpResult, Ok<ExportedStatement>, ProblemHttpResult> Render(
        string format, DialogueState dialogue, StatementState statement, StatementConsensus consensus, bool clean, HistoryHeads heads)
    {
        var document = StatementDocument.From(dialogue, statement, consensus, clean, heads);
        return format.ToLowerInvariant() switch
        {
            "md" => TypedResults.Text(Markdown(document), "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(Html(document), "text/html; charset=utf-8"),
            "docx" => TypedResults.File(DocxStatementDocument.Render(document), DocxStatementDocument.ContentType, ExportFileName.For(document.Title, "docx")),
            "pdf" => Pdf(document),
            "json" => TypedResults.Ok(new ExportedStatement(dialogue.Settings, statement.Title, statement.Frozen, document.Clauses, [.. statement.Signatures.Values], [.. heads.All()])),
            _ => UnknownFormat(),
        };
    }

    // The same problem shape as every refused request (Api/Problems), built here so that document
    // rendering does not reach back up into the endpoints.
    private static ProblemHttpResult UnknownFormat()
    {
        var message = $"Export formats are {string.Join(", ", Formats)}.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: message,
            detail: message,
            type: "https://deliberation.dev/rules/export.unknown-format",
            extensions: new Dictionary<string, object?> { ["rule"] = "export.unknown-format" });
    }

    private static Results<ContentHttpResult, FileContentHttpResult, Ok<ExportedStatement>, ProblemHttpResult> Pdf(StatementDocument document) => ExportFonts.Installed is { } fonts
        ? TypedResults.File(PdfStatementDocument.Render(document, fonts), PdfStatementDocument.ContentType, ExportFileName.For(document.Title, "pdf"))
        // The server's fault, not the caller's: say what to install rather than send a PDF of empty boxes.
        : TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            title: "The server has no font to draw PDFs with.",
            detail: "Install a font on the server (on Debian: fonts-dejavu-core, and fonts-droid-fallback or fonts-noto-cjk for Chinese), or export as docx.",
            type: "https://deliberation.dev/rules/export.no-font",
            extensions: new Dictionary<string, object?> { ["rule"] = "export.no-font" });

    private static string Markdown(StatementDocument document)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {document.Title}").AppendLine();
        text.AppendLine($"*{document.DialogueTitle}*{(document.Venue is { } venue ? $", {venue}" : "")}").AppendLine();
        foreach (var clause in document.Clauses)
            text.AppendLine($"{clause.Number}. {clause.Text} *({clause.Kind}; {clause.Status})*").AppendLine();
        AppendSignatures(document, line => text.AppendLine(line));
        text.AppendLine().AppendLine($"## {StatementDocument.HistoryHeading}").AppendLine();
        foreach (var head in document.HeadLines)
            text.AppendLine($"- `{head}`");
        text.AppendLine().AppendLine(document.VerifyLine);
        return text.ToString();
    }

    private static string Html(StatementDocument document)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
            .Append(E(document.Title)).Append("</title></head><body><h1>").Append(E(document.Title)).Append("</h1><p><em>")
            .Append(E(document.DialogueTitle)).Append("</em></p><ol>");
        foreach (var clause in document.Clauses)
            html.Append("<li><p>").Append(E(clause.Text)).Append("</p><small>").Append(clause.Kind).Append(" · ").Append(clause.Status).Append("</small></li>");
        html.Append("</ol>");
        AppendSignatures(document, line => html.Append("<p>").Append(E(line)).Append("</p>"));
        html.Append("<h2>").Append(StatementDocument.HistoryHeading).Append("</h2><ul>");
        foreach (var head in document.HeadLines)
            html.Append("<li><code>").Append(E(head)).Append("</code></li>");
        html.Append("</ul><p>").Append(E(document.VerifyLine)).Append("</p>");
        return html.Append("</body></html>").ToString();
    }

    private static void AppendSignatures(StatementDocument document, Action<string> line)
    {
        if (document.FrozenLine is not { } frozen)
            return;
        line(frozen);
        // Signed in a personal capacity; affiliations for identification only.
        foreach (var signature in document.Signatures)
            line($"- {signature.Line}");
    }
}
