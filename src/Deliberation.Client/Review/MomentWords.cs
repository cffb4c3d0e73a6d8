using Deliberation.Contracts.Review;

namespace Deliberation.Client.Review;

/// <summary>The words the review page uses for each kind of key moment, in one place so the filter, the list and the scrubber agree.</summary>
public static class MomentWords
{
    public static string Label(string kind) => kind switch
    {
        ReviewKinds.Phase => "Phase",
        ReviewKinds.RevisionSubstantive => "Substantive revision",
        ReviewKinds.RevisionEditorial => "Editorial revision",
        ReviewKinds.AmendmentDecided => "Amendment decided",
        ReviewKinds.BracketResolved => "Bracket resolved",
        ReviewKinds.Release => "Figures released",
        ReviewKinds.Status => "Status changed",
        ReviewKinds.Freeze => "Text frozen",
        ReviewKinds.Signature => "Signature",
        ReviewKinds.Withdrawal => "Signature withdrawn",
        ReviewKinds.ClauseAdded => "Clause added",
        _ => kind,
    };

    /// <summary>One line for a moment, as the scrubber announces it and a list item reads.</summary>
    public static string Describe(ReviewMoment moment, Func<Guid, int?> clauseNumber)
    {
        var clause = moment.ClauseId is { } id && clauseNumber(id) is { } number ? $"clause {number}: " : "";
        return $"{Components.Presentation.Time(moment.At)} · {Label(moment.Kind)} · {clause}{moment.Summary}";
    }
}
