using System.Security.Cryptography;
using System.Text;
using Deliberation.Domain.History;

namespace Deliberation.Domain.Statements;

/// <summary>
/// The one text a statement is frozen, hashed and signed as: the title, a blank line, then each
/// clause that is not withdrawn as "n. text", separated by blank lines; then a blank line and the
/// history block — the line "History" followed by one line per stream head, dialogue first, each
/// "streamId version hash". "\n" line ends, no trailing newline. Anyone can recompute the hash from
/// a published text, and check the heads against the log (docs/api.md, "Frozen text").
/// When more than one language is authentic, the clauses appear once per authentic language, the
/// source first, each block opened by the line "Language: tag" (docs/domain.md, "Languages"); a
/// text with one authentic language has no such line, so its hash is what it always was.
/// </summary>
public static class CanonicalText
{
    public const string HistoryHeading = "History";
    public const string LanguagePrefix = "Language: ";

    public static string Of(StatementState statement, HistoryHeads heads) => Of(statement, heads, []);

    /// <param name="authenticLanguages">The authentic languages, the source first; with fewer than two, the single-language text.</param>
    public static string Of(StatementState statement, HistoryHeads heads, IReadOnlyList<string> authenticLanguages)
    {
        var live = statement.OrderedClauses.Where(c => !c.Withdrawn).ToList();
        IEnumerable<string> body = authenticLanguages.Count < 2
            ? Numbered(live.Select(c => c.Text))
            : authenticLanguages.SelectMany((language, i) => Numbered(live.Select(c => i == 0 ? c.Text : c.TranslationOrNull(language)?.Text ?? ""))
                .Prepend(LanguagePrefix + language));
        var history = string.Join('\n', heads.All().Select(h => h.ToLine()).Prepend(HistoryHeading));
        return string.Join("\n\n", body.Prepend(statement.Title).Append(history));
    }

    private static IEnumerable<string> Numbered(IEnumerable<string> texts) => texts.Select((text, i) => $"{i + 1}. {text}");

    public static string Hash(string canonicalText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText)));
}
