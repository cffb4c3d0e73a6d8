using System.Text;
using System.Text.RegularExpressions;

namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// Finds text in a .razor file that a person reads but a translator cannot reach: words between tags,
/// words in the attributes people read (labels, titles, placeholders, aria-labels), and sentences in
/// string literals inside @( … ) expressions. Text that goes through the localizer (@L["Key"]) is
/// an expression and so never counted; symbols (·, ×, –, %) have no letters and are never counted.
/// A heuristic on purpose: it reads the markup the way this project writes it, not every Razor form.
/// </summary>
internal static partial class RazorTextScanner
{
    /// <summary>Words that are names, the same in every language, and the matrix's letter marks (B for a block, n/m for counts), explained in its legend.</summary>
    private static readonly HashSet<string> Names = ["Deliberation", "B", "n", "m"];

    private static readonly string[] CodeLineStarts =
    [
        "@if", "@foreach", "@for ", "@for(", "@while", "@switch", "@else", "else", "if (", "foreach (", "}", "{", "@{", "case ", "default:",
        "var ", "break;", "return",
    ];

    public static IReadOnlyList<string> Findings(string razor)
    {
        var markup = MarkupOnly(razor);
        var findings = new List<string>();

        foreach (Match attribute in ReadAttribute().Matches(markup))
        {
            var value = attribute.Groups["value"].Value;
            if (!value.StartsWith('@') && HasWords(StripExpressions(value)))
                findings.Add($"{attribute.Groups["name"].Value}=\"{value}\"");
        }

        foreach (var expression in Expressions(markup))
            foreach (Match literal in StringLiteral().Matches(expression))
                if (IsSentence(literal.Groups["text"].Value))
                    findings.Add($"literal in @( ): {literal.Value}");

        var text = Tag().Replace(markup, "\n");
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || CodeLineStarts.Any(s => line.StartsWith(s, StringComparison.Ordinal)) || line.EndsWith(';') || line.EndsWith('{'))
                continue;
            if (HasWords(Entity().Replace(StripExpressions(line), "")))
                findings.Add($"text: {line}");
        }
        return findings;
    }

    /// <summary>The markup part: without Razor comments, the @code block, styles and scripts.</summary>
    private static string MarkupOnly(string razor)
    {
        var withoutComments = RazorComment().Replace(razor, "");
        var code = CodeBlock().Match(withoutComments);
        var markup = code.Success ? withoutComments[..code.Index] : withoutComments;
        return Directive().Replace(StyleOrScript().Replace(markup, ""), "");
    }

    /// <summary>Removes @Name.Chain(…)[…] and @( … ) and @L[ … ] expressions, keeping what is left as text.</summary>
    internal static string StripExpressions(string text)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '@')
            {
                result.Append(text[i]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '@')
            {
                result.Append('@');
                i++;
                continue;
            }
            var j = i + 1;
            if (j < text.Length && text[j] == '(')
            {
                i = Balanced(text, j) - 1;
                continue;
            }
            if (CodeKeyword().Match(text, j) is { Success: true } keyword && keyword.Index == j)
            {
                // "@if (changed)" after text on the same line: the rest of the line is code.
                var end = text.IndexOf('\n', j);
                i = (end < 0 ? text.Length : end) - 1;
                continue;
            }
            while (j < text.Length)
            {
                if (char.IsLetterOrDigit(text[j]) || text[j] == '_' || (text[j] == '.' && j + 1 < text.Length && char.IsLetter(text[j + 1])))
                    j++;
                else if (text[j] is '(' or '[')
                    j = Balanced(text, j);
                else
                    break;
            }
            i = j - 1;
        }
        return result.ToString();
    }

    private static IEnumerable<string> Expressions(string markup)
    {
        for (var i = markup.IndexOf("@(", StringComparison.Ordinal); i >= 0; i = markup.IndexOf("@(", i + 2, StringComparison.Ordinal))
        {
            // A class list is for the style sheet, not for a reader.
            var classStart = markup.LastIndexOf("class=\"", i, StringComparison.OrdinalIgnoreCase);
            if (classStart < 0 || markup.IndexOf('"', classStart + 7, i - classStart - 7) >= 0)
                yield return markup[(i + 1)..Balanced(markup, i + 1)];
        }
    }

    /// <summary>The index just past the bracket that closes the one at <paramref name="open"/>, skipping string literals.</summary>
    private static int Balanced(string text, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                    i++;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"')
                inString = true;
            else if (c is '(' or '[')
                depth++;
            else if (c is ')' or ']' && --depth == 0)
                return i + 1;
        }
        return text.Length;
    }

    private static bool HasWords(string text) =>
        Word().Matches(text).Any(m => !Names.Contains(m.Value));

    /// <summary>A literal people read: words with a space between them once the interpolation holes are gone.</summary>
    private static bool IsSentence(string literal)
    {
        var withoutHoles = InterpolationHole().Replace(literal, "");
        return withoutHoles.Contains(' ') && HasWords(withoutHoles);
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    // Directives first: "@inject IStringLocalizer<Room> L" would read as a tag and a stray "L".
    [GeneratedRegex(@"^\s*@(inject|using|page|inherits|layout|namespace|implements|attribute|typeparam|rendermode)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^@code\s*\{", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"<(style|script)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("""\s(?<name>Label|Title|Placeholder|HelperText|Text|AriaLabel|aria-label|title|placeholder|alt)\s*=\s*"(?<value>[^"]*)""")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex(@"\$?""(?<text>(?:[^""\\]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\G(if|foreach|for|while|switch|else)\b")]
    private static partial Regex CodeKeyword();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex InterpolationHole();

    // A quoted attribute value may hold a lambda's "=>": quotes are skipped whole.
    [GeneratedRegex(@"<[^>""]*(?:""[^""]*""[^>""]*)*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"\p{L}[\p{L}'’]*")]
    private static partial Regex Word();
}
