using Deliberation.Contracts.Review;
using Microsoft.Extensions.Localization;

namespace Deliberation.Client.Review;

/// <summary>
/// The words the review page uses for each kind of key moment, in one place so the filter, the list
/// and the scrubber agree. The words come from Review.resx (key <c>Kind_</c> and the contract's kind);
/// a moment's summary is the server's, in English, and stays so.
/// </summary>
public static class MomentWords
{
    public static string Label(IStringLocalizer<Resources.Review> l, string kind) =>
        l["Kind_" + kind] is { ResourceNotFound: false } found ? found.Value : kind;

    /// <summary>One line for a moment, as the scrubber announces it and a list item reads.</summary>
    public static string Describe(IStringLocalizer<Resources.Review> l, ReviewMoment moment, Func<Guid, int?> clauseNumber)
    {
        var clause = moment.ClauseId is { } id && clauseNumber(id) is { } number ? l["ClausePrefix", number].Value : "";
        return $"{Components.Presentation.Time(moment.At)} · {Label(l, moment.Kind)} · {clause}{moment.Summary}";
    }
}
