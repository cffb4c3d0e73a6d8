using System.Text;

namespace Deliberation.Server.Documents;

/// <summary>
/// The statement as Markdown, in StatementDocument's order. Every piece of user text goes through
/// <see cref="MarkdownText"/>, so what the drafters typed prints as they typed it.
/// </summary>
public static class MarkdownStatementDocument
{
    public const string ContentType = "text/markdown; charset=utf-8";

    public static string Render(StatementDocument document)
    {
        static string E(string s) => MarkdownText.EscapeLines(s);
        var text = new StringBuilder();
        text.Append("# ").AppendLine(MarkdownText.Escape(document.Title.ReplaceLineEndings(" "))).AppendLine();
        text.Append('*').Append(E(document.DialogueTitle)).Append('*');
        // A backslash at the end of a line is Markdown's hard break: place and dates under the title.
        if (document.PlaceAndDateLine is { } placeAndDate)
            text.Append("\\\n").Append(E(placeAndDate));
        text.AppendLine().AppendLine();

        foreach (var clause in document.Clauses)
        {
            // The number typed as it is in the frozen text; the lines after the first indented under it.
            var marker = $"{clause.Number}. ";
            var indent = new string(' ', marker.Length);
            text.Append(marker).AppendLine(MarkdownText.EscapeLines(clause.Text, indent));
            // Markdown has no columns: the other language follows as a paragraph of the same item.
            if (clause.ParallelText is { } parallelText)
                text.AppendLine().Append(indent).AppendLine(MarkdownText.EscapeLines(parallelText, indent));
            if (document.NoteFor(clause) is { } note)
                text.AppendLine().Append(indent).Append('*').Append(E(note)).AppendLine("*");
            text.AppendLine();
        }

        if (document.Signatures.Count > 0)
        {
            text.Append("## ").AppendLine(document.Words.Signatories).AppendLine();
            text.Append('*').Append(document.Words.AffiliationNote).AppendLine("*").AppendLine();
            foreach (var signature in document.Signatures)
                text.Append("- **").Append(E(signature.Name)).Append("** — ").AppendLine(E(signature.Details));
            text.AppendLine();
        }

        // The record a reader checks the text against, after the statement, not in its way.
        text.AppendLine("---").AppendLine();
        if (document.FrozenLine is { } frozen)
            text.AppendLine(frozen).AppendLine();
        text.Append("## ").AppendLine(document.Words.History).AppendLine();
        foreach (var head in document.HeadLines)
            text.Append("- `").Append(head).AppendLine("`");
        text.AppendLine().AppendLine(E(document.VerifyLine));
        return text.ToString();
    }
}
