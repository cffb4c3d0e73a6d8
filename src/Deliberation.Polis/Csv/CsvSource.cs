using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Deliberation.Polis.Csv;

/// <summary>One export file read record by record: the header row gives the columns by name, and
/// every fault (bad quoting, field count, encoding, size) becomes a <see cref="PolisFormatException"/>
/// naming the file, the line where the record starts and the column.</summary>
internal sealed class CsvSource : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly StreamReader reader;
    private readonly CsvParser parser;
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);
    private string[] header = [];
    private int currentField;
    private int previousRawRow;

    private CsvSource(Stream stream, string fileName, long maxBytes)
    {
        FileName = fileName;
        reader = new StreamReader(
            new ByteLimitedStream(stream, maxBytes, limit => new PolisFormatException(
                PolisRules.TooLarge, fileName, null, null, $"the file is larger than the limit of {limit} bytes")), StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => throw Fault(
                PolisRules.MalformedCsv, ColumnName(currentField), DescribeBadQuoting(args.Field)),
            DetectColumnCountChanges = false,
            IgnoreBlankLines = false,
        };
        parser = new CsvParser(reader, configuration);
    }

    public string FileName { get; }

    /// <summary>Line where the current record starts (1-based).</summary>
    public int Line { get; private set; }

    public IReadOnlyList<string> Header => header;

    /// <summary>Opens the file and reads its header row.</summary>
    public static CsvSource Open(Stream stream, string fileName, long maxBytes)
    {
        var source = new CsvSource(stream, fileName, maxBytes);
        try
        {
            if (!source.ReadRaw(out var names))
            {
                throw source.Fault(PolisRules.MalformedCsv, null, "the file is empty: no header row");
            }

            source.header = [.. names.Select(n => n.Trim())];
            for (var i = 0; i < source.header.Length; i++)
            {
                if (!source.columns.TryAdd(source.header[i], i))
                {
                    throw source.Fault(PolisRules.DuplicateColumn, source.header[i], "the column appears twice in the header");
                }
            }

            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Index of a column the importer cannot do without.</summary>
    public int Required(string name) =>
        columns.TryGetValue(name, out var index)
            ? index
            : throw new PolisFormatException(PolisRules.MissingColumn, FileName, 1, name, "the header lacks this column");

    public int? Optional(string name) => columns.TryGetValue(name, out var index) ? index : null;

    /// <summary>Reads the next data record; its field count must match the header's.</summary>
    public bool Read(out string[] fields)
    {
        if (!ReadRaw(out fields))
        {
            return false;
        }

        if (fields.Length != header.Length)
        {
            throw Fault(
                PolisRules.MalformedCsv, null, $"the record has {fields.Length} fields but the header has {header.Length}");
        }

        return true;
    }

    public string ColumnName(int index) => index < header.Length ? header[index] : $"#{index + 1}";

    public PolisFormatException Fault(string rule, string? column, string detail) =>
        new(rule, FileName, Line, column, detail);

    public void Dispose()
    {
        parser.Dispose();
        reader.Dispose();
    }

    private bool ReadRaw(out string[] fields)
    {
        try
        {
            // Blank lines are skipped here rather than by the parser, so that every physical line is
            // seen and a record's first line is simply the line after the previous record's last.
            do
            {
                Line = previousRawRow + 1;
                if (!parser.Read())
                {
                    fields = [];
                    return false;
                }

                previousRawRow = parser.RawRow;
            }
            while (parser.Count == 1 && parser.RawRecord.AsSpan().Trim("\r\n").IsEmpty);

            fields = new string[parser.Count];
            for (currentField = 0; currentField < fields.Length; currentField++)
            {
                // Reading a field is what runs BadDataFound, so currentField names the culprit.
                fields[currentField] = parser[currentField];
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            throw new PolisFormatException(
                PolisRules.MalformedCsv, FileName, Line, null, "the file is not valid UTF-8");
        }
        catch (CsvHelperException e)
        {
            throw new PolisFormatException(
                PolisRules.MalformedCsv, FileName, Line, null, $"the CSV cannot be parsed: {e.Message.Split('\n')[0]}");
        }
    }

    private static string DescribeBadQuoting(string field)
    {
        if (!field.StartsWith('"'))
        {
            return "a quote inside an unquoted field";
        }

        for (var i = 1; i < field.Length; i++)
        {
            if (field[i] != '"')
            {
                continue;
            }

            if (i + 1 < field.Length && field[i + 1] == '"')
            {
                i++;
                continue;
            }

            return "text follows the closing quote of a quoted field (an unterminated or unescaped quote?)";
        }

        return "a quoted field that is never closed (unterminated quote)";
    }
}
