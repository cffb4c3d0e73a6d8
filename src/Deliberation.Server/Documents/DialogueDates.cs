using System.Globalization;

namespace Deliberation.Server.Documents;

/// <summary>
/// A dialogue's dates as a statement's dateline prints them: "5–7 September 2026",
/// "30 September – 2 October 2026", or one day. English month names, as the rest of the
/// document's fixed wording.
/// </summary>
public static class DialogueDates
{
    // The invariant culture's month names are English, and it exists even where ICU does not.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string? Format(DateOnly? startsOn, DateOnly? endsOn)
    {
        if ((startsOn ?? endsOn) is not { } start)
            return null;
        var end = endsOn ?? start;
        if (end == start)
            return Day(start, "d MMMM yyyy");
        if (start.Year != end.Year)
            return $"{Day(start, "d MMMM yyyy")} – {Day(end, "d MMMM yyyy")}";
        if (start.Month != end.Month)
            return $"{Day(start, "d MMMM")} – {Day(end, "d MMMM yyyy")}";
        return $"{Day(start, "%d")}–{Day(end, "d MMMM yyyy")}";
    }

    private static string Day(DateOnly day, string format) => day.ToString(format, English);
}
