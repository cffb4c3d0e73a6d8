using Deliberation.Client.Review;
using Deliberation.Contracts.Review;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The statement's key moments, oldest first, each a button that moves the review to it, with a
/// filter by clause and by kind. The filter belongs to the page, since the scrubber steps through
/// the same moments.
/// </summary>
public sealed partial class MomentTimeline
{
    [Parameter, EditorRequired]
    public IReadOnlyList<ReviewMoment> Moments { get; set; } = [];

    /// <summary>The clauses in the statement's order, for numbers and the clause filter.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ReviewClause> Clauses { get; set; } = [];

    [Parameter, EditorRequired]
    public MomentFilter Filter { get; set; } = MomentFilter.All;

    [Parameter]
    public EventCallback<MomentFilter> FilterChanged { get; set; }

    [Parameter]
    public long? Selected { get; set; }

    [Parameter]
    public EventCallback<long> OnSelect { get; set; }

    /// <summary>
    /// Above this many moments shown, only the rows near the viewport are rendered (<c>Virtualize</c>): an
    /// imported dialogue has thousands, and rendering each made the page slow to open and to scroll.
    /// Below it every row is there, so a short timeline reads as a plain list, e.g. to the browser's find.
    /// </summary>
    public const int VirtualizeFrom = 200;

    /// <summary>A row's height in pixels before the browser measures one: a moment with a detail line is taller.</summary>
    private const float MomentRowHeight = 72;

    // Filtered once per parameters, not once per use: the markup asks for it several times a render.
    private ReviewMoment[] shown = [];

    protected override void OnParametersSet() => shown = [.. Filter.Apply(Moments)];

    private IReadOnlyList<ReviewMoment> Shown => shown;

    private ICollection<ReviewMoment> ShownItems => shown;

    private bool Virtualized => shown.Length > VirtualizeFrom;

    /// <summary>Only the kinds this history has, in the contract's order: a toggle for nothing would only confuse.</summary>
    private IEnumerable<string> KindsPresent => ReviewKinds.All.Where(k => Moments.Any(m => m.Kind == k));

    private string? ClauseLabel(ReviewMoment moment)
    {
        if (moment.ClauseId is not { } id)
            return null;
        var index = Clauses.Select(c => c.Id).ToList().IndexOf(id);
        return index < 0 ? L["ClauseSinceRemovedLower"] : L["ClauseLower", index + 1];

    }

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..37].TrimEnd() + "…";

    private Task ToggleAsync(string kind) => FilterChanged.InvokeAsync(Filter.Toggle(kind));

    private Task OnClauseChanged(ChangeEventArgs e) =>
        FilterChanged.InvokeAsync(Filter with { ClauseId = Guid.TryParse(e.Value as string, out var id) ? id : null });
}
