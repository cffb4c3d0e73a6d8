namespace Deliberation.Polis;

/// <summary>A Pol.is export that cannot be imported, with the rule it breaks and where.</summary>
public sealed class PolisFormatException : Exception
{
    public PolisFormatException(string rule, string file, int? line, string? column, string detail)
        : base(Describe(rule, file, line, column, detail))
    {
        Rule = rule;
        File = file;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>One of <see cref="PolisRules"/>.</summary>
    public string Rule { get; }

    /// <summary>The export file's name, e.g. <c>votes.csv</c>.</summary>
    public string File { get; }

    /// <summary>1-based physical line where the offending record starts; null for whole-file faults.</summary>
    public int? Line { get; }

    /// <summary>Header name of the offending column, when there is one.</summary>
    public string? Column { get; }

    public string Detail { get; }

    private static string Describe(string rule, string file, int? line, string? column, string detail)
    {
        var where = file;
        if (line is { } l)
        {
            where += $", line {l}";
        }

        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return $"{where}: {detail} ({rule})";
    }
}
