using System.Text.RegularExpressions;

namespace Deliberation.Polis;

/// <summary>
/// Guards free-text cells (comment bodies, group ids) against spreadsheet formula injection:
/// a cell that a spreadsheet would evaluate (starting with = + - @, tab or a line break) is
/// written with a leading apostrophe, which spreadsheets take as "this is text".
/// </summary>
/// <remarks>
/// Numeric cells (ids, counts, votes such as <c>-1</c>) are never touched, and neither is free
/// text that is a plain number (<c>-1</c>, <c>+3.5</c>): a spreadsheet reads those as numbers,
/// not formulas. Apostrophes already leading the text are looked past, so the guard is a
/// bijection: <see cref="Unprotect"/> strips exactly one apostrophe where <see cref="Protect"/>
/// added one, and every comment body survives a write/read round trip. The cost: a genuine
/// Pol.is export whose comment starts with an apostrophe followed by a formula character loses
/// that apostrophe on import.
/// </remarks>
public static partial class SpreadsheetGuard
{
    public static string Protect(string text) => NeedsGuard(text) ? "'" + text : text;

    public static string Unprotect(string cell) => cell.StartsWith('\'') && NeedsGuard(cell) ? cell[1..] : cell;

    /// <summary>Whether a spreadsheet would run this text as a formula (it starts with = + - @, a tab or a line break, and is no plain number).</summary>
    public static bool WouldEvaluate(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' && !PlainNumber().IsMatch(text);

    private static bool NeedsGuard(string text)
    {
        var rest = text.AsSpan().TrimStart('\'');
        return rest.Length > 0
            && rest[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
            && !PlainNumber().IsMatch(rest);
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
