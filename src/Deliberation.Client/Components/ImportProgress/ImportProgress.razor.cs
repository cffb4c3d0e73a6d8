using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Where a Pol.is import stands, as GET /api/imports/{jobId} reports it (docs/api.md, "Pol.is imports"):
/// a bar of the events written out of those planned, the rows read and the time left while it runs;
/// then a link to the new dialogue, or the refusal with what to do next. Nothing is half imported, so a
/// failure always says that nothing was.
/// </summary>
public sealed partial class ImportProgress
{
    [Parameter, EditorRequired]
    public ImportJobView Job { get; set; } = null!;

    /// <summary>Whole percent: the bar's width and the aria-valuenow screen readers announce.</summary>
    internal double Percent => Job.EventsTotal <= 0 ? 0 : Math.Floor(100.0 * Math.Min(Job.EventsWritten, Job.EventsTotal) / Job.EventsTotal);

    private string TimeLeft => Job.SecondsLeft switch
    {
        null => "estimating…",
        < 1 => "under a second",
        < 90 and double s => string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(s):F0} s"),
        double s => string.Create(CultureInfo.InvariantCulture, $"about {Math.Ceiling(s / 60):F0} min"),
    };

    /// <summary>A file's fault is the organiser's to fix; anything else is worth one more try, then the operator.</summary>
    private string NextStep => Job.Error?.Rule switch
    {
        { } rule when rule.StartsWith("polis.", StringComparison.Ordinal) =>
            "Fix the file the message names (or export it again from Pol.is), then upload the files again.",
        "import.failed" or "import.discarded" => "Upload the files again. If it fails twice, tell the operator of this server.",
        _ => "The export cannot become a dialogue as it is: change what the message names and upload the files again.",
    };

    private static string Count(long n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");
}
