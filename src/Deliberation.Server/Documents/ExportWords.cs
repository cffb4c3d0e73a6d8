using System.Globalization;
using Deliberation.Contracts.Localization;
using Deliberation.Domain.Statements;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Deliberation.Server.Documents;

/// <summary>
/// The fixed wording of the exports and the history report in one interface language (ExportWords.resx,
/// ExportWords.zh-Hans.resx beside this file): headings, notes, the record's lines, capacities, the
/// report's column heads, and the patterns dates are written in, so a translator owns "5–7 September
/// 2026" as "2026年9月5日至7日". The text of the statement itself is the drafters', in the working
/// language the export asks for; this is only what the document says around it (docs/api.md, "Exports").
/// </summary>
public sealed class ExportWords
{
    private readonly IReadOnlyDictionary<string, string> texts;

    private ExportWords(string culture, IReadOnlyDictionary<string, string> texts)
    {
        Culture = culture;
        this.texts = texts;
    }

    /// <summary>The interface culture the words are in, "en" or "zh-Hans".</summary>
    public string Culture { get; }

    /// <summary>The English words, for callers that name no culture.</summary>
    public static ExportWords English { get; } = In(StandaloneLocalizer(), InterfaceCultures.English);

    /// <summary>
    /// The words for an export's <c>culture</c> parameter: English when it names none, null when it names
    /// a culture we have no interface in (the endpoint refuses with <see cref="InterfaceCultures.UnsupportedRule"/>).
    /// </summary>
    public static ExportWords? ForRequest(IStringLocalizer<ExportWords> localizer, string? culture) =>
        culture is null ? In(localizer, InterfaceCultures.English)
        : InterfaceCultures.Exactly(culture) is { } supported ? In(localizer, supported)
        : null;

    /// <summary>
    /// Every word in <paramref name="culture"/> (a supported culture; the caller checked it), read once.
    /// The localizer reads the current UI culture, so it is set for the read and put back.
    /// </summary>
    public static ExportWords In(IStringLocalizer localizer, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return new ExportWords(culture, localizer.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public string Signatories => this[nameof(Signatories)];
    public string AffiliationNote => this[nameof(AffiliationNote)];
    public string History => this[nameof(History)];
    public string NotTranslated => this[nameof(NotTranslated)];
    public string FrozenLine(string hash) => Format(nameof(FrozenLine), hash);
    public string HeadLine(string streamId, long version, string hash) => Format(nameof(HeadLine), streamId, version, hash);
    public string VerifyLine(string logAddress, string command) => Format(nameof(VerifyLine), logAddress, command);
    public string PlaceAndDate(string place, string dates) => Format(nameof(PlaceAndDate), place, dates);

    public string Of(SignatureCapacity capacity) =>
        capacity == SignatureCapacity.Institutional ? this["InstitutionalCapacity"] : this["PersonalCapacity"];

    public string Of(ClauseKind kind) => ReaderWords.Of(kind, CultureInfo.GetCultureInfo(Culture));

    public string Of(ClauseStatus status) => ReaderWords.Of(status, CultureInfo.GetCultureInfo(Culture));

    public string Of(RevisionKind kind) => this[$"Revision{kind}"];

    public string Of(AmendmentStatus status) => this[$"Amendment{status}"];

    /// <summary>A date pattern by its key (DateFull, DateSameMonthStart, …), for <see cref="DialogueDates"/>.</summary>
    public string DatePattern(string key) => this[key];

    // The history report's words.
    public string ReportTitle(string statementTitle) => Format(nameof(ReportTitle), statementTitle);
    public string TheStatement => this[nameof(TheStatement)];
    public string StoriesHeading => this[nameof(StoriesHeading)];
    public string TimelineHeading => this[nameof(TimelineHeading)];
    public string HeadsHeading => this[nameof(HeadsHeading)];
    public string ClauseNumber(int number) => Format(nameof(ClauseNumber), number);
    public string WholeClause => this[nameof(WholeClause)];
    public string Revisions => this[nameof(Revisions)];
    public string ColumnRevision => this[nameof(ColumnRevision)];
    public string ColumnKind => this[nameof(ColumnKind)];
    public string ColumnText => this[nameof(ColumnText)];
    public string ColumnRationale => this[nameof(ColumnRationale)];
    public string ColumnWhen => this[nameof(ColumnWhen)];
    public string ColumnWhat => this[nameof(ColumnWhat)];
    public string ColumnDetails => this[nameof(ColumnDetails)];
    public string RevisionLine(int number, RevisionKind kind, string text) => Format(nameof(RevisionLine), number, Of(kind), text);
    public string AmendmentLine(AmendmentStatus status, string text) => Format(nameof(AmendmentLine), Of(status), text);
    public string FirstMet(string groups) => Format(nameof(FirstMet), groups);
    public string Legend(string entries) => Format(nameof(Legend), entries);
    public string ChartDescription(int clause, string rows) => Format(nameof(ChartDescription), clause, rows);
    public string Then => this[nameof(Then)];
    public string ListSeparator => this[nameof(ListSeparator)];
    public string EventsLine(string address) => Format(nameof(EventsLine), address);
    public string Colour(string colour) => this[$"Colour{colour}"];

    private string this[string key] => texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"ExportWords.resx has no '{key}'.");

    // The patterns are the translator's, the numbers in them plain digits in every language.
    private string Format(string key, params object[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    private static IStringLocalizer StandaloneLocalizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(ExportWords));
}
