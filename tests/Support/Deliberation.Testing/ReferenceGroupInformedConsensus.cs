using System.Globalization;
using System.Text;

namespace Deliberation.Testing;

/// <summary>
/// Pol.is's group-informed consensus computed straight from participants-votes.csv text, as an
/// independent check (it shares no code with PolisReader; the Pol.is and server tests both use it):
/// for each comment, the product over the groups g of clustered participants of
/// (A_g + 1) / (S_g + 2), with A_g the agrees and S_g the agrees + disagrees + passes of g's
/// members on that comment. Participants with a blank group-id are not clustered and do not count.
/// </summary>
public static class ReferenceGroupInformedConsensus
{
    /// <summary>Comment id → GAC, for every comment column of the file.</summary>
    public static IReadOnlyDictionary<int, double> Compute(string participantsVotesCsvPath) =>
        FromCsvText(File.ReadAllText(participantsVotesCsvPath, Encoding.UTF8));

    /// <summary>Same as <see cref="Compute"/>, from the file's text.</summary>
    public static IReadOnlyDictionary<int, double> FromCsvText(string participantsVotesCsv)
    {
        var rows = ParseCsv(participantsVotesCsv);
        var header = rows[0];
        var groupColumn = Array.IndexOf(header, "group-id");
        if (groupColumn < 0)
        {
            throw new InvalidDataException("participants-votes.csv has no group-id column");
        }

        var commentColumns = new List<(int Column, int CommentId)>();
        for (var i = 0; i < header.Length; i++)
        {
            if (int.TryParse(header[i], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                commentColumns.Add((i, id));
            }
        }

        // group → comment id → (agrees, seen)
        var tallies = new Dictionary<string, Dictionary<int, (int Agrees, int Seen)>>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            if (row.Length != header.Length)
            {
                throw new InvalidDataException($"a row has {row.Length} fields but the header has {header.Length}");
            }

            var group = row[groupColumn];
            if (group.Trim().Length == 0)
            {
                continue;
            }

            if (!tallies.TryGetValue(group, out var perComment))
            {
                perComment = [];
                tallies[group] = perComment;
            }

            foreach (var (column, commentId) in commentColumns)
            {
                var cell = row[column];
                if (cell.Length == 0)
                {
                    continue;
                }

                var (agrees, seen) = perComment.GetValueOrDefault(commentId);
                perComment[commentId] = cell switch
                {
                    "1" => (agrees + 1, seen + 1),
                    "-1" or "0" => (agrees, seen + 1),
                    _ => throw new InvalidDataException($"'{cell}' is not a vote"),
                };
            }
        }

        var result = new Dictionary<int, double>();
        foreach (var (_, commentId) in commentColumns)
        {
            var gac = 1.0;
            foreach (var perComment in tallies.Values)
            {
                var (agrees, seen) = perComment.GetValueOrDefault(commentId);
                gac *= (agrees + 1.0) / (seen + 2.0);
            }

            result[commentId] = gac;
        }

        return result;
    }

    // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a blank line is no row.
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var rowHasContent = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
                rowHasContent = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                rowHasContent = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRow();
            }
            else
            {
                field.Append(c);
                rowHasContent = true;
            }
        }

        EndRow();
        return rows;

        void EndRow()
        {
            if (rowHasContent || field.Length > 0)
            {
                row.Add(field.ToString());
                rows.Add([.. row]);
            }

            row.Clear();
            field.Clear();
            rowHasContent = false;
        }
    }
}
