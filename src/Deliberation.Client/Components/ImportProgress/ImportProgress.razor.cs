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
        null => L["Estimating"],
        < 1 => L["UnderASecond"],
        < 90 and double s => L["AboutSeconds", Whole(Math.Ceiling(s))],
        double s => L["AboutMinutes", Whole(Math.Ceiling(s / 60))],
    };

    /// <summary>A file's fault is the organiser's to fix; anything else is worth one more try, then the operator.</summary>
    private string NextStep => Job.Error?.Rule switch
    {
        { } rule when rule.StartsWith("polis.", StringComparison.Ordinal) => L["FixTheFile"],
        "import.failed" or "import.discarded" => L["UploadAgain"],
        _ => L["ChangeWhatItNames"],
    };

    /// <summary>"1,921 participants with 49,443 positions on 197 clauses, …": each count with its noun in one or many, numbers as the reader's culture writes them.</summary>
    private string Done(ImportedConversation result) => L["Done",
        Count(result.Participants, "Participant"), Count(result.Positions, "Position"), Count(result.Clauses, "Clause"), Whole(Job.EventsWritten)];

    private string Count(long n, string noun) => L[(n == 1 ? "One" : "Many") + noun, Whole(n)];

    private static string Whole(double n) => n.ToString("N0", CultureInfo.CurrentCulture);

}
