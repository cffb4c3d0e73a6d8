using System.Buffers;
using System.Globalization;
using System.Text;

namespace Deliberation.Server.Documents;

/// <summary>
/// A download's file name from a statement's title: any script is kept (the response carries it
/// as UTF-8 in <c>filename*</c>), while what no file system accepts, or what would read as a
/// path, becomes a hyphen.
/// </summary>
public static class ExportFileName
{
    private const int MaxTitleLength = 80;
    private const string Fallback = "statement";

    // Windows refuses these in a name; '/' and '\' would read as folders everywhere.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("<>:\"/\\|?*");

    public static string For(string title, string extension)
    {
        var name = new StringBuilder();
        var pendingHyphen = false;
        var elements = StringInfo.GetTextElementEnumerator(title);
        while (elements.MoveNext() && name.Length < MaxTitleLength)
        {
            var element = elements.GetTextElement();
            if (IsSeparator(element))
            {
                pendingHyphen = name.Length > 0;
                continue;
            }
            if (pendingHyphen)
                name.Append('-');
            pendingHyphen = false;
            name.Append(element);
        }
        // A leading dot hides a file on Unix; a trailing one is dropped by Windows.
        var stem = name.ToString().Trim('.', '-');
        return $"{(stem.Length == 0 ? Fallback : stem)}.{extension}";
    }

    private static bool IsSeparator(string element) =>
        element.AsSpan().ContainsAny(Forbidden)
        || element.All(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format);
}
