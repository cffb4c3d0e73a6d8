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
/// </summary>
public static class CanonicalText
{
    public const string HistoryHeading = "History";

    public static string Of(StatementState statement, HistoryHeads heads)
    {
        var clauses = statement.OrderedClauses.Where(c => !c.Withdrawn).Select((c, i) => $"{i + 1}. {c.Text}");
        var history = string.Join('\n', heads.All().Select(h => h.ToLine()).Prepend(HistoryHeading));
        return string.Join("\n\n", clauses.Prepend(statement.Title).Append(history));
    }

    public static string Hash(string canonicalText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText)));
}
