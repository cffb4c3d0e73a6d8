using System.Globalization;
using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Client.Localization;
using Deliberation.Client.Review;
using Deliberation.Contracts.Review;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Pages.Review;

/// <summary>
/// A statement's review (docs/api.md, "Review"): the key moments, the statement and matrix as they
/// stood at any of them, two moments compared, each clause's story, the signatures and a check of the
/// chains in the browser. Every answer is redacted by the server for this viewer; the page shows
/// what it gets. The moment shown is in the address (<c>?moment=</c>), so it can be shared.
/// </summary>
public sealed partial class ReviewPage
{
    private ReviewTimeline? timeline;
    private StatementView? statement;
    private ApiProblem? problem;

    /// <summary>The language the clauses are drafted in: their texts carry it, whatever the interface's (docs/architecture.md).</summary>
    private string textLanguage = UiCulture.English;

    private MomentFilter filter = MomentFilter.All;
    private long? selected;
    private ReviewSnapshot? snapshot;
    private ApiProblem? snapshotProblem;
    private bool loadingSnapshot;

    private long compareFrom;
    private long compareTo;
    private bool comparing;
    private string? compareProblem;
    private ReviewComparison? comparison;
    private IReadOnlySet<string>? changedCells;

    private Guid? storyClause;
    private ClauseStory? story;
    private string? storyProblem;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Parameter]
    public Guid DialogueId { get; set; }

    [Parameter]
    public Guid StatementId { get; set; }

    [SupplyParameterFromQuery(Name = "moment")]
    public long? Moment { get; set; }

    /// <summary>The clauses as the latest snapshot has them, in the statement's order.</summary>
    private IReadOnlyList<ReviewClause> Clauses => latestClauses;

    private IReadOnlyList<ReviewClause> latestClauses = [];

    private IReadOnlyList<ReviewMoment> Shown => timeline is null ? [] : filter.Apply(timeline.Moments);

    protected override async Task OnParametersSetAsync()
    {
        if (timeline is null)
            await LoadAsync();
        if (timeline is { Moments.IsDefaultOrEmpty: false } && problem is null)
            await ShowAsync(MomentFromAddress());
    }

    private async Task LoadAsync()
    {
        var timelineTask = Api.GetReviewTimelineAsync(DialogueId, StatementId);
        var statementTask = Api.GetStatementAsync(DialogueId, StatementId);
        var latestTask = Api.GetReviewSnapshotAsync(DialogueId, StatementId, null);
        var dialogueTask = Api.GetDialogueAsync(DialogueId);
        var (loadedTimeline, loadedStatement, latest) = (await timelineTask, await statementTask, await latestTask);
        // The languages only mark the texts' lang; a dialogue that cannot be read leaves the default.
        if ((await dialogueTask).Value is { } dialogue)
            textLanguage = dialogue.Languages.Source;
        problem = loadedTimeline.Problem ?? loadedStatement.Problem ?? latest.Problem;
        if (problem is not null)
            return;
        latestClauses = latest.Value!.Clauses;
        statement = loadedStatement.Value;
        timeline = loadedTimeline.Value;
        if (!timeline!.Moments.IsDefaultOrEmpty)
        {
            compareFrom = timeline.Moments[0].Moment;
            compareTo = timeline.Moments[^1].Moment;
            if (Moment is null)
                snapshot = latest.Value;
        }
        if (latestClauses.Count > 0)
            await LoadStoryAsync(latestClauses[0].Id);
    }

    /// <summary>The moment the address names, or the last one; a moment that is not a key moment is still shown (the server knows every moment).</summary>
    private long MomentFromAddress() => Moment ?? timeline!.Moments[^1].Moment;

    private async Task ShowAsync(long moment)
    {
        selected = moment;
        if (snapshot?.Moment == moment)
            return;
        loadingSnapshot = true;
        snapshotProblem = null;
        StateHasChanged();
        var answer = await Api.GetReviewSnapshotAsync(DialogueId, StatementId, moment);
        // Stepping quickly sends several requests: only the answer for the moment now chosen counts.
        if (selected != moment)
            return;
        loadingSnapshot = false;
        if (answer.Ok)
            snapshot = answer.Value;
        else
            snapshotProblem = answer.Problem;
    }

    /// <summary>Puts the moment in the address (replacing the entry, so Back leaves the review) and shows it.</summary>
    private Task SelectAsync(long moment)
    {
        selected = moment;
        var uri = Navigation.GetUriWithQueryParameter("moment", moment);
        Navigation.NavigateTo(uri, replace: true);
        return Task.CompletedTask;
    }

    private void OnFilterChanged(MomentFilter changed) => filter = changed;

    private int? ClauseNumber(Guid clauseId)
    {
        for (var i = 0; i < latestClauses.Count; i++)
            if (latestClauses[i].Id == clauseId)
                return i + 1;
        return null;
    }

    private string LabelOf(long moment) =>
        timeline!.Moments.FirstOrDefault(m => m.Moment == moment) is { } found ? MomentWords.Describe(L, found) : L["EventNumber", moment];

    private static long ParseMoment(ChangeEventArgs e) =>
        long.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var moment) ? moment : 0;

    private async Task CompareAsync()
    {
        compareProblem = null;
        if (compareFrom > compareTo)
        {
            compareProblem = L["AAfterB"];
            return;
        }
        comparing = true;
        var answer = await Api.CompareMomentsAsync(DialogueId, StatementId, compareFrom, compareTo);
        comparing = false;
        if (!answer.Ok)
        {
            compareProblem = L["ComparisonFailed", answer.Problem!.Localized()];
            return;
        }
        comparison = answer.Value;
        changedCells = MomentComparisonView.ChangedCellKeys(comparison!);
    }

    private Task OnStoryClauseChanged(ChangeEventArgs e) =>
        Guid.TryParse(e.Value?.ToString(), out var id) ? LoadStoryAsync(id) : Task.CompletedTask;

    private async Task LoadStoryAsync(Guid clauseId)
    {
        storyClause = clauseId;
        story = null;
        storyProblem = null;
        var answer = await Api.GetClauseStoryAsync(DialogueId, StatementId, clauseId);
        if (storyClause != clauseId)
            return;
        if (answer.Ok)
            story = answer.Value;
        else
            storyProblem = L["StoryFailed", answer.Problem!.Localized()];

    }
}
