using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// How one clause came to its status: each group's status over time, its revisions with what changed
/// and why, the amendments decided with their reasons, when each group first met the rule, what
/// was still needed, and for a funding floor the zone of agreement. A revision moves the review to
/// its moment.
/// </summary>
public sealed partial class ClauseStoryPanel
{
    [Parameter, EditorRequired]
    public ClauseStory Story { get; set; } = null!;

    [Parameter]
    public int Number { get; set; }

    [Parameter]
    public EventCallback<long> OnSelect { get; set; }

    /// <summary>The language the clause is drafted in, for its texts' lang.</summary>
    [Parameter]
    public string TextLanguage { get; set; } = "en";

    /// <summary>The latest moment the clause was short of the rule, if it still was then.</summary>
    private StoryNeeds? LatestNeeds => Story.Needs.IsDefaultOrEmpty ? null : Story.Needs.MaxBy(n => n.Moment);

    private string Source(RevisionSource source) =>
        L["Source_" + source] is { ResourceNotFound: false } found ? found.Value : source.ToString();

    private string AmendmentWord(AmendmentStatus status) => status switch
    {
        AmendmentStatus.Accepted => L["AmendmentAccepted"],
        AmendmentStatus.Declined => L["AmendmentDeclined"],
        _ => L["AmendmentOpen"],
    };

}
