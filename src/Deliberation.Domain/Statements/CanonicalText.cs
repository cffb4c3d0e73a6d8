using System.Security.Cryptography;
using System.Text;

namespace Deliberation.Domain.Statements;

/// <summary>
/// The one text a statement is frozen, hashed and signed as: the title, a blank line, then each
/// clause that is not withdrawn as "n. text", separated by blank lines; "\n" line ends, no trailing
/// newline. Anyone can recompute the hash from a published text.
/// </summary>
public static class CanonicalText
{
    public static string Of(StatementState statement)
    {
        var clauses = statement.OrderedClauses.Where(c => !c.Withdrawn).Select((c, i) => $"{i + 1}. {c.Text}");
        return string.Join("\n\n", clauses.Prepend(statement.Title));
    }

    public static string Hash(string canonicalText) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalText)));
}
