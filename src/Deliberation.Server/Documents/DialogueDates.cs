using System.Globalization;

namespace Deliberation.Server.Documents;

/// <summary>
/// A dialogue's dates as a statement's dateline prints them: "5–7 September 2026",
/// "30 September – 2 October 2026", or one day; in Chinese "2026年9月5日至7日". The patterns are
/// the translator's (<see cref="ExportWords"/>), so each language writes a range its own way.
/// </summary>
public static class DialogueDates
{
    // The invariant culture's month names are English, and it exists even where ICU does not; the
    // Chinese patterns use numbers only, so they need no culture's data either.
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string? Format(DateOnly? startsOn, DateOnly? endsOn) => Format(startsOn, endsOn, ExportWords.English);

    public static string? Format(DateOnly? startsOn, DateOnly? endsOn, ExportWords words)
    {
        if ((startsOn ?? endsOn) is not { } start)
            return null;
        var end = endsOn ?? start;
        string Day(DateOnly day, string key) => day.ToString(words.DatePattern(key), Invariant);
        if (end == start)
            return Day(start, "DateFull");
        if (start.Year != end.Year)
            return Day(start, "DateFull") + words.DatePattern("DateSeparator") + Day(end, "DateFull");
        if (start.Month != end.Month)
            return Day(start, "DateSameYearStart") + words.DatePattern("DateSeparator") + Day(end, "DateSameYearEnd");
        return Day(start, "DateSameMonthStart") + words.DatePattern("DateSameMonthSeparator") + Day(end, "DateSameMonthEnd");
    }
}
