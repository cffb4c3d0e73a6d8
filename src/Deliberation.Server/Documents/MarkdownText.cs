using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Server.Documents;

/// <summary>
/// User text made literal in Markdown: a clause "*not* [x](y) # z" prints those characters, not
/// emphasis, a link or a heading. CommonMark lets a backslash escape any ASCII punctuation, so
/// every character that can start markup is escaped, and at a line's start also what would
/// make a list, a heading underline or a numbered item.
/// </summary>
public static partial class MarkdownText
{
    // Emphasis, code, links and images, raw HTML and autolinks, entities, headings, tables, strikethrough.
    private const string Markup = "\\`*_[]<>#|~!&";

    [GeneratedRegex(@"^(\d{1,9})([.)])")]
    private static partial Regex NumberedItemStart();

    /// <summary>One line of text (no line breaks) escaped, its leading spaces dropped so it cannot become code.</summary>
    public static string Escape(string line)
    {
        var text = new StringBuilder();
        foreach (var c in line.TrimStart())
        {
            if (Markup.Contains(c))
                text.Append('\\');
            text.Append(c);
        }
        var escaped = text.ToString();
        if (escaped.Length > 0 && escaped[0] is '-' or '+' or '=')
            return $"\\{escaped}";
        return NumberedItemStart().Replace(escaped, "$1\\$2", 1);
    }

    /// <summary>
    /// Text that may span lines: each line escaped, the lines after the first indented by
    /// <paramref name="indent"/> so they stay inside a list item, and a line break kept as a
    /// hard break (a trailing backslash) where Markdown would otherwise join the lines.
    /// </summary>
    public static string EscapeLines(string text, string indent = "")
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim().Length == 0 ? "" : Escape(l)).ToList();
        var joined = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
                joined.Append(lines[i - 1].Length > 0 && lines[i].Length > 0 ? "\\\n" : "\n");
            if (lines[i].Length > 0)
                joined.Append(i == 0 ? "" : indent).Append(lines[i]);
        }
        return joined.ToString();
    }
}
