using System.Net;
using System.Text;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as one standalone, printable HTML page in StatementDocument's order: its style
/// inline (nothing fetched, so it can be saved, mailed or archived as it is), print rules for A4,
/// no script. Accessible as the app's pages are (WCAG 2.1 AA): a lang, a main landmark, headings
/// in order, and muted text still above 4.5:1.
/// </summary>
public static class HtmlStatementDocument
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f3f1ec; color: #1a1a1a; font: 17px/1.6 Georgia, "Times New Roman", "Noto Serif", "Noto Serif CJK SC", serif; }
        main { max-width: 46rem; margin: 2.5rem auto; padding: 3.5rem 4rem; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
        header { text-align: center; margin-bottom: 2.5rem; padding-bottom: 1.5rem; border-bottom: 1px solid #1f3a5f; }
        .dialogue { margin: 0 0 .35rem; color: #1f3a5f; font: 600 .8rem/1.4 system-ui, sans-serif; letter-spacing: .12em; text-transform: uppercase; }
        h1 { margin: 0 0 .75rem; font-size: 2rem; line-height: 1.25; font-weight: 700; }
        .place-date { margin: 0; color: #4d4d4d; font-style: italic; }
        h2 { margin: 2.5rem 0 .5rem; font: 700 1.1rem/1.3 system-ui, sans-serif; color: #1f3a5f; break-after: avoid; }
        ol.clauses { list-style: none; margin: 0; padding: 0; }
        ol.clauses li { display: grid; grid-template-columns: 2.25rem 1fr; margin: 0 0 1rem; break-inside: avoid; }
        ol.clauses li:has(.parallel) { grid-template-columns: 2.25rem 1fr 1fr; column-gap: 1.5rem; }
        .number { font-weight: 700; }
        .text { white-space: pre-line; }
        .note { grid-column: 2 / -1; color: #4d4d4d; font: .8rem/1.4 system-ui, sans-serif; }
        .identification { margin: 0 0 1rem; color: #4d4d4d; font-style: italic; font-size: .9rem; }
        ul.signatories { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 2rem; }
        ul.signatories li { break-inside: avoid; margin: 0 0 .75rem; line-height: 1.35; }
        .name { display: block; font-weight: 700; }
        .details { display: block; color: #4d4d4d; font-size: .9rem; }
        .record { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid #bfbfbf; color: #4d4d4d; font: .75rem/1.5 system-ui, sans-serif; overflow-wrap: anywhere; }
        .record h2 { margin: .75rem 0 .25rem; font-size: .8rem; color: #4d4d4d; }
        .record ul { margin: 0 0 .5rem; padding-left: 1.25rem; }
        .record p { margin: 0 0 .5rem; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        @media (max-width: 40rem) { main { margin: 0; padding: 1.5rem; } ul.signatories { columns: 1; } }
        @page { size: A4; margin: 2cm 2.2cm; }
        @media print {
          body { background: none; font-size: 11pt; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          h2, h1 { break-after: avoid; }
        }
        """;

    public static string Render(StatementDocument document)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        // The words around the text are in the reader's interface language, the text in the working
        // language asked for: where the two differ, the words say which they are in, for screen readers.
        var wordsLang = document.Words.Culture.Split('-')[0] == document.Language.Split('-')[0] ? "" : $" lang=\"{E(document.Words.Culture)}\"";
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"").Append(E(document.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(document.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<header>\n<h1>").Append(E(document.Title)).Append("</h1>\n")
            .Append("<p class=\"dialogue\">").Append(E(document.DialogueTitle)).Append("</p>\n");
        if (document.PlaceAndDateLine is { } placeAndDate)
            html.Append("<p class=\"place-date\">").Append(E(placeAndDate)).Append("</p>\n");
        html.Append("</header>\n");

        // Typed numbers rather than the list's own, so they are the frozen text's and survive copying.
        html.Append("<ol class=\"clauses\">\n");
        foreach (var clause in document.Clauses)
        {
            html.Append("<li><span class=\"number\">").Append(clause.Number).Append(".</span><span class=\"text\">").Append(E(clause.Text)).Append("</span>");
            if (clause.ParallelText is { } parallelText)
                html.Append("<span class=\"text parallel\" lang=\"").Append(E(document.ParallelLanguage!)).Append("\">").Append(E(parallelText)).Append("</span>");
            if (document.NoteFor(clause) is { } note)
                html.Append("<span class=\"note\"").Append(wordsLang).Append('>').Append(E(note)).Append("</span>");
            html.Append("</li>\n");
        }
        html.Append("</ol>\n");

        if (document.Signatures.Count > 0)
        {
            html.Append("<section aria-labelledby=\"signatories\">\n<h2 id=\"signatories\"").Append(wordsLang).Append('>').Append(E(document.Words.Signatories)).Append("</h2>\n")
                .Append("<p class=\"identification\"").Append(wordsLang).Append('>').Append(E(document.Words.AffiliationNote)).Append("</p>\n<ul class=\"signatories\">\n");
            foreach (var signature in document.Signatures)
                html.Append("<li><span class=\"name\">").Append(E(signature.Name)).Append("</span>")
                    .Append(string.Concat(signature.DetailLines.Select(line => $"<span class=\"details\">{E(line)}</span>"))).Append("</li>\n");
            html.Append("</ul>\n</section>\n");
        }

        html.Append("<section class=\"record\" aria-labelledby=\"history\"").Append(wordsLang).Append(">\n");
        if (document.FrozenLine is { } frozen)
            html.Append("<p>").Append(E(frozen)).Append("</p>\n");
        html.Append("<h2 id=\"history\">").Append(E(document.Words.History)).Append("</h2>\n<ul>\n");
        foreach (var head in document.HeadLines)
            html.Append("<li><code>").Append(E(head)).Append("</code></li>\n");
        html.Append("</ul>\n<p>").Append(E(document.VerifyLine)).Append("</p>\n</section>\n");
        return html.Append("</main>\n</body>\n</html>\n").ToString();
    }
}
