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

    /// <summary>The latest moment the clause was short of the rule, if it still was then.</summary>
    private StoryNeeds? LatestNeeds => Story.Needs.IsDefaultOrEmpty ? null : Story.Needs.MaxBy(n => n.Moment);

    private static string Source(RevisionSource source) => source switch
    {
        RevisionSource.Draft => "first draft",
        RevisionSource.Edit => "edit",
        RevisionSource.Amendment => "accepted amendment",
        RevisionSource.Alternative => "alternative added",
        RevisionSource.Resolution => "bracket resolved",
        _ => source.ToString(),
    };

    private static string AmendmentWord(AmendmentStatus status) => status switch
    {
        AmendmentStatus.Accepted => "Accepted",
        AmendmentStatus.Declined => "Declined",
        _ => "Still open",
    };
}
