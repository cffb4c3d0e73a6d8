using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Deliberation.Domain.Dialogues;
using Deliberation.Polis;

namespace Deliberation.Server.Roster;

/// <summary>
/// Reads a roster file: a header row naming <c>name</c>, <c>affiliation</c>, <c>role</c> and one
/// column per group dimension of the dialogue (any case, any order; only <c>name</c> is required),
/// then one member a row. UTF-8 with or without a byte order mark.
/// </summary>
/// <remarks>
/// The whole file is judged before anything is stored (docs/api.md, "Roster by file"): every bad
/// row is reported, with its row as a spreadsheet numbers it (the header is row 1), its column and
/// what to do, so a convener fixes the file once rather than one fault per upload. A file with any
/// problem gives no members at all. The checks are those the domain makes on one member (name and
/// affiliation length, known role and groups) plus what only a file can get wrong: a name twice, a
/// name already on the roster, a cell a spreadsheet would run as a formula (docs/security.md).
/// </remarks>
public static class RosterCsvReader
{
    public const string NameColumn = "name";
    public const string AffiliationColumn = "affiliation";
    public const string RoleColumn = "role";

    /// <summary>At most this many members a file: a larger roster is imported in parts.</summary>
    public const int MaxRows = 1_000;

    /// <summary>A thousand rows of names, affiliations and groups fit well within this.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The members of a file without problems, or the problems (and no members).</summary>
    public sealed record Result(IReadOnlyList<Member> Members, IReadOnlyList<RosterRowProblem> Problems)
    {
        public bool Ok => Problems.Count == 0;
    }

    /// <summary>Reads the file. Members come without participant ids: the server makes them when it stores them.</summary>
    public static Result Read(Stream file, IReadOnlyList<Dimension> dimensions, IEnumerable<string> existingNames, int rosterRoom = Limits.RosterSize)
    {
        ArgumentNullException.ThrowIfNull(file);
        string text;
        try
        {
            text = ReadText(file);
        }
        catch (InvalidDataException e)
        {
            return Failed(new RosterRowProblem(null, null, e.Message));
        }

        var problems = new List<RosterRowProblem>();
        var members = new List<Member>();
        using var parser = new CsvParser(new StringReader(text), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw new BadCsvException(args.Field),
            DetectColumnCountChanges = false,
            IgnoreBlankLines = false,
        });
        var row = 0;
        var rows = 0;
        try
        {
            if (!parser.Read())
                return Failed(new RosterRowProblem(null, null, $"The file is empty. Start it with a header row: {NameColumn},{AffiliationColumn},{RoleColumn} and one column per group dimension."));
            row = 1;
            var header = parser.Record ?? [];
            var columns = Columns(header, dimensions, problems);
            if (problems.Count > 0)
                return Failed(problems);

            var seen = existingNames.Select(Key).ToHashSet(StringComparer.Ordinal);
            var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
            // CsvHelper splits a record's fields only when they are asked for, so bad quoting is
            // found on reading Record as often as on Read: either way it is the pending row's.
            while (Next(parser, ref row, out var cells))
            {
                if (cells.All(string.IsNullOrWhiteSpace))
                    continue;
                if (++rows > MaxRows)
                {
                    problems.Add(new RosterRowProblem(row, null, $"A file holds at most {MaxRows} members. Split the roster into files of {MaxRows} rows or fewer and import each."));
                    break;
                }
                var before = problems.Count;
                var member = ReadRow(row, cells, header, columns, problems);
                if (member is null || problems.Count > before)
                    continue;
                var key = Key(member.DisplayName);
                if (seen.Contains(key))
                    problems.Add(new RosterRowProblem(row, header[columns.Name], $"'{member.DisplayName}' is already on the roster. Remove this row, or tell the two people apart (for example by a middle initial)."));
                else if (!firstRowOf.TryAdd(key, row))
                    problems.Add(new RosterRowProblem(row, header[columns.Name], $"'{member.DisplayName}' is also on row {firstRowOf[key]}. Keep one of the rows, or tell the two people apart."));
                else
                    members.Add(member);
            }
        }
        catch (BadCsvException e)
        {
            problems.Add(new RosterRowProblem(e.Row, null,
                $"The row's quoting is broken near \"{Shorten(e.Field)}\". A cell with a comma, quote or line break is written in double quotes, and a quote inside as two quotes (\"\")."));
        }

        if (problems.Count == 0 && members.Count > rosterRoom)
            problems.Add(new RosterRowProblem(null, null, $"The roster has room for {rosterRoom} more members; the file has {members.Count}. Import fewer."));
        return problems.Count > 0 ? Failed(problems) : new Result(members.AsReadOnly(), []);
    }

    /// <summary>Names are compared as people read them: trimmed, normalised, case aside.</summary>
    public static string Key(string name) => Clean(name).ToUpperInvariant();

    /// <summary>As the domain cleans a member's text before storing it, so lengths and duplicates are judged on what is stored.</summary>
    private static string Clean(string value) => value.Replace("\r\n", "\n").Replace('\r', '\n').Trim().Normalize();

    private static Result Failed(params IEnumerable<RosterRowProblem> problems) => new([], [.. problems]);

    private static string ReadText(Stream file)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
                throw new InvalidDataException($"The file is larger than {MaxBytes / 1024 / 1024} MiB. Import the roster in parts.");
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        // With or without a byte order mark: spreadsheets save "CSV UTF-8" with one.
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("The file is not UTF-8. Save it again as \"CSV UTF-8\" (in a spreadsheet: Save as, then CSV UTF-8).");
        }
    }

    private sealed record ColumnMap(int Name, int? Affiliation, int? Role, IReadOnlyList<(int Index, Dimension Dimension)> Groups);

    private static ColumnMap Columns(string[] header, IReadOnlyList<Dimension> dimensions, List<RosterRowProblem> problems)
    {
        int? name = null, affiliation = null, role = null;
        var groups = new List<(int, Dimension)>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var known = string.Join(", ", new[] { NameColumn, AffiliationColumn, RoleColumn }.Concat(dimensions.Select(d => d.Name)));
        for (var i = 0; i < header.Length; i++)
        {
            var column = header[i].Trim();
            if (column.Length == 0)
                continue;
            if (!taken.Add(column))
            {
                problems.Add(new RosterRowProblem(1, column, $"The column '{column}' appears twice. Keep one."));
                continue;
            }
            if (column.Equals(NameColumn, StringComparison.OrdinalIgnoreCase))
                name = i;
            else if (column.Equals(AffiliationColumn, StringComparison.OrdinalIgnoreCase))
                affiliation = i;
            else if (column.Equals(RoleColumn, StringComparison.OrdinalIgnoreCase))
                role = i;
            else if (dimensions.FirstOrDefault(d => d.Name.Equals(column, StringComparison.OrdinalIgnoreCase)) is { } dimension)
                groups.Add((i, dimension));
            else
                problems.Add(new RosterRowProblem(1, column, $"This dialogue has no column '{column}'. Its columns are {known}; rename or remove this one."));
        }
        if (name is null)
            problems.Add(new RosterRowProblem(1, NameColumn, $"The header has no '{NameColumn}' column. Its columns are {known}."));
        return new ColumnMap(name ?? 0, affiliation, role, groups);
    }

    private static Member? ReadRow(int row, string[] cells, string[] header, ColumnMap columns, List<RosterRowProblem> problems)
    {
        if (cells.Length > header.Length && cells.Skip(header.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
            problems.Add(new RosterRowProblem(row, null, $"The row has {cells.Length} cells but the header has {header.Length} columns. Remove the extra cells, or quote a cell that holds a comma."));

        string Cell(int index)
        {
            var raw = index < cells.Length ? cells[index].Trim() : "";
            // A leading apostrophe is how a spreadsheet (and our own exports) keep formula-like text as text.
            var text = SpreadsheetGuard.Unprotect(raw);
            if (ReferenceEquals(text, raw) && SpreadsheetGuard.WouldEvaluate(text))
            {
                problems.Add(new RosterRowProblem(row, header[index].Trim(),
                    $"'{Shorten(text)}' starts with '{text[0]}', which a spreadsheet runs as a formula. Remove that character, or start the cell with an apostrophe (')."));
                return "";
            }
            if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                problems.Add(new RosterRowProblem(row, header[index].Trim(), "The cell holds control characters. Retype it, or copy it as plain text."));
                return "";
            }
            return text;
        }

        var faults = problems.Count;
        var name = Cell(columns.Name);
        if (name.Length == 0 && problems.Count == faults)
            problems.Add(new RosterRowProblem(row, header[columns.Name].Trim(), "The name is empty. Every member needs a name."));
        else if (Clean(name).Length > Limits.NameLength)
            problems.Add(new RosterRowProblem(row, header[columns.Name].Trim(), $"The name is {Clean(name).Length} characters long; the limit is {Limits.NameLength}. Shorten it."));

        var affiliation = columns.Affiliation is { } a ? Cell(a) : "";
        if (Clean(affiliation).Length > Limits.ShortTextLength)
            problems.Add(new RosterRowProblem(row, header[columns.Affiliation!.Value].Trim(), $"The affiliation is {Clean(affiliation).Length} characters long; the limit is {Limits.ShortTextLength}. Shorten it."));

        var role = Role.Delegate;
        if (columns.Role is { } r && Cell(r) is { Length: > 0 } roleText && !TryRole(roleText, out role))
            problems.Add(new RosterRowProblem(row, header[r].Trim(), $"'{Shorten(roleText)}' is no role. Use one of {string.Join(", ", Enum.GetNames<Role>().Select(n => n.ToLowerInvariant()))}, or leave it empty for delegate."));

        var groups = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var (index, dimension) in columns.Groups)
        {
            var value = Cell(index);
            if (value.Length == 0)
                continue;
            if (dimension.Groups.FirstOrDefault(g => g.Equals(Clean(value), StringComparison.OrdinalIgnoreCase)) is { } group)
                groups[dimension.Name] = group;
            else
                problems.Add(new RosterRowProblem(row, header[index].Trim(),
                    $"'{Shorten(value)}' is no group of {dimension.Name}. Use one of {string.Join(", ", dimension.Groups)}, or leave it empty."));
        }
        return new Member(Guid.Empty, Clean(name), Clean(affiliation) is { Length: > 0 } cleanAffiliation ? cleanAffiliation : null, role, groups.ToImmutable());
    }

    /// <summary>Roles by name, any case; numbers are not roles (Enum.TryParse would take "7").</summary>
    private static bool TryRole(string text, out Role role)
    {
        role = Role.Delegate;
        var match = Enum.GetValues<Role>().Where(r => r.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0)
            return false;
        role = match[0];
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static bool Next(CsvParser parser, ref int row, out string[] cells)
    {
        var pending = row + 1;
        try
        {
            if (!parser.Read())
            {
                cells = [];
                return false;
            }
            cells = parser.Record ?? [];
        }
        catch (BadCsvException e)
        {
            throw new BadCsvException(e.Field) { Row = pending };
        }
        row = pending;
        return true;
    }

    private sealed class BadCsvException(string field) : Exception
    {
        public string Field { get; } = field;

        public int Row { get; init; } = 1;
    }
}
