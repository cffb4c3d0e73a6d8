using System.Globalization;
using Deliberation.Contracts.Review;
using Microsoft.Extensions.Localization;

namespace Deliberation.Client.Review;

/// <summary>
/// The words the review page uses for each kind of key moment, in one place so the filter, the list
/// and the scrubber agree. The words come from Review.resx (key <c>Kind_</c> and the contract's kind);
/// a moment's summary and a status change's detail from its phrase (MomentPhrases), in the interface's language.
/// </summary>
public static class MomentWords
{
    public static string Label(IStringLocalizer<Resources.Review> l, string kind) =>
        l["Kind_" + kind] is { ResourceNotFound: false } found ? found.Value : kind;

    /// <summary>
    /// One line for a moment, as the scrubber announces it and a list item reads. A clause's moment
    /// names its clause in its summary already (MomentPhrases), so the line adds no clause of its own.
    /// </summary>
    public static string Describe(IStringLocalizer<Resources.Review> l, ReviewMoment moment) =>
        $"{Components.Presentation.Time(moment.At)} · {Label(l, moment.Kind)} · {Summary(moment)}";

    /// <summary>What the moment did, in the interface's language.</summary>
    public static string Summary(ReviewMoment moment) => MomentPhrases.SummaryOf(moment, CultureInfo.CurrentUICulture);

    /// <summary>A status change's detail in the interface's language; another moment's detail as the dialogue wrote it.</summary>
    public static string? Detail(ReviewMoment moment) => MomentPhrases.DetailOf(moment, CultureInfo.CurrentUICulture);

    /// <summary>
    /// Whether the moment's words are the server's English sentence, not rendered from a phrase (a server older
    /// than the phrases), so the page marks them English for a screen reader.
    /// </summary>
    public static string? SummaryLanguage(ReviewMoment moment) => moment.Phrase is null ? "en" : null;
}
