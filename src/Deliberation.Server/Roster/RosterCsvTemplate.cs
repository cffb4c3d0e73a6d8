using System.Text;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Roster;

/// <summary>
/// The roster file a dialogue takes, empty: its header row with the dialogue's own group dimensions.
/// Written with a byte order mark, so a spreadsheet opens Chinese or accented names as UTF-8.
/// </summary>
public static class RosterCsvTemplate
{
    public const string FileName = "roster-template.csv";

    public static byte[] For(IEnumerable<Dimension> dimensions)
    {
        var columns = new[] { RosterCsvReader.NameColumn, RosterCsvReader.AffiliationColumn, RosterCsvReader.RoleColumn }
            .Concat(dimensions.Select(d => d.Name))
            .Select(Quote);
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(string.Join(',', columns) + "\r\n")];
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
