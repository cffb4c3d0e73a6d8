using System.Globalization;
using System.Resources;
using Deliberation.Contracts.Views;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Review;

namespace Deliberation.Contracts.Review;

/// <summary>
/// A key moment's words in the reader's language (docs/api.md, "Review"): one table (MomentPhrases.resx,
/// and MomentPhrases.zh-Hans.resx for Chinese readers) for the review page and the history report alike,
/// so they cannot drift. Statuses read as everywhere else (<see cref="ReaderWords"/>); phases and release
/// triggers through this table. The English rendering is the moment's <c>Summary</c>, word for word.
/// </summary>
public static class MomentPhrases
{
    private static readonly ResourceManager Words = new(typeof(MomentPhrases));

    /// <summary>In English: what a document reads unless it is asked for another language.</summary>
    public static string Render(MomentPhrase phrase) => Render(phrase, CultureInfo.InvariantCulture);

    public static string Render(MomentPhrase phrase, CultureInfo culture)
    {
        string Word(string key) => Words.GetString(key, culture) ?? key;
        string Format(string key, params object[] args) => string.Format(culture, Word(key), args);

        var clause = phrase.Clause is { } place ? Format("Clause", place) : Word("ClauseUnknown");
        var args = phrase.Key switch
        {
            MomentPhraseKeys.Phase => phrase.Args.Select(a => Word("Phase_" + a)),
            MomentPhraseKeys.FiguresReleased => phrase.Args.Select(a => Word("Trigger_" + a)),
            MomentPhraseKeys.StatusFirst or MomentPhraseKeys.StatusChanged => phrase.Args.Select(a => Status(a, culture)),
            MomentPhraseKeys.StatusOneChange => [Changes(phrase, culture).Single()],
            MomentPhraseKeys.Changes => [string.Join(Word("ListSeparator"), Changes(phrase, culture))],
            MomentPhraseKeys.GroupStatuses => [string.Join(Word("ListSeparator"),
                phrase.Changes.Select(g => Format("GroupStatus", g.Group, ReaderWords.Of(g.To, culture))))],
            _ => phrase.Args.AsEnumerable(),
        };
        // The lists (a detail) are the whole sentence; every other key is a sentence of its own.
        if (phrase.Key is MomentPhraseKeys.Changes or MomentPhraseKeys.GroupStatuses)
            return args.Single();
        return string.Format(culture, Word(phrase.Key), [clause, .. args]);
    }

    /// <summary>A moment's summary in <paramref name="culture"/>; its English <c>Summary</c> where it has no phrase (an older server's).</summary>
    public static string SummaryOf(ReviewMoment moment, CultureInfo culture) =>
        moment.Phrase is { } phrase ? Render(phrase, culture) : moment.Summary;

    /// <summary>A moment's detail in <paramref name="culture"/> where it is the server's words (a status change's); else the dialogue's own words, as they were written.</summary>
    public static string? DetailOf(ReviewMoment moment, CultureInfo culture) =>
        moment.DetailPhrase is { } phrase ? Render(phrase, culture) : moment.Detail;

    /// <summary>Each group that moved, then the zone, as the detail of a status change lists them.</summary>
    private static IEnumerable<string> Changes(MomentPhrase phrase, CultureInfo culture)
    {
        string Word(string key) => Words.GetString(key, culture) ?? key;
        foreach (var change in phrase.Changes.IsDefault ? [] : phrase.Changes)
            yield return string.Format(culture, Word("GroupChange"), change.Group,
                change.From is { } from ? ReaderWords.Of(from, culture) : Word("GroupNew"), ReaderWords.Of(change.To, culture));
        if (phrase.Zone is { } zone)
            yield return string.Format(culture, Word("ZoneChange"), Zone(zone.From, culture), Zone(zone.To, culture));
    }

    private static string Zone(IReadOnlyCollection<ValueInterval> zone, CultureInfo culture) =>
        zone.Count == 0 ? Words.GetString("ZoneNone", culture) ?? "none"
        : string.Join(", ", zone.Select(z => string.Create(CultureInfo.InvariantCulture, $"{z.From}–{z.To}")));

    private static string Status(string name, CultureInfo culture) =>
        Enum.TryParse<ClauseStatus>(name, out var status) ? ReaderWords.Of(status, culture) : name;
}
