using System.Collections.Immutable;
using Deliberation.Client.Components;
using Deliberation.Client.Review;
using Deliberation.Contracts.Review;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

/// <summary>
/// The review page's parts (issue 12): stepping through moments, the filter, the changed cells of a
/// comparison marked in the matrix, and a clause's status over time.
/// </summary>
public sealed class ReviewComponentsTests : ComponentTest
{
    private static readonly Guid ClauseA = Guid.NewGuid();
    private static readonly Guid ClauseB = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private static ReviewMoment Moment(long at, string kind, Guid? clause = null) =>
        new(at, Start.AddMinutes(at), kind, clause, $"summary {at}", null, null);

    private static readonly IReadOnlyList<ReviewMoment> Moments =
    [
        Moment(3, ReviewKinds.Phase),
        Moment(7, ReviewKinds.ClauseAdded, ClauseA),
        Moment(12, ReviewKinds.RevisionSubstantive, ClauseA),
        Moment(15, ReviewKinds.Status, ClauseB),
        Moment(20, ReviewKinds.RevisionEditorial, ClauseB),
    ];

    private static ReviewClause Clause(Guid id, string text) =>
        new(id, ClauseKind.RedLine, null, text, [], 1, RevisionKind.Substantive, false, ClauseStatus.Pending);

    private IRenderedComponent<MomentScrubber> Scrubber(long selected, List<long> chosen) =>
        Render<MomentScrubber>(p => p
            .Add(x => x.Moments, Moments)
            .Add(x => x.Selected, selected)
            .Add(x => x.OnSelect, (long m) => chosen.Add(m)));

    [Fact]
    public void TheScrubberStepsToThePreviousAndNextMomentAndJumpsToTheEnds()
    {
        var chosen = new List<long>();
        var cut = Scrubber(12, chosen);

        cut.Find("[data-testid='moment-previous']").Click();
        cut.Find("[data-testid='moment-next']").Click();
        cut.Find("[data-testid='moment-first']").Click();
        cut.Find("[data-testid='moment-last']").Click();

        Assert.Equal([7L, 15L, 3L, 20L], chosen);
        Assert.Contains("Moment 3 of 5", cut.Find("[data-testid='scrubber-position']").TextContent);
    }

    [Fact]
    public void TheSliderIsOverTheMomentsPlacesAndSlidingChoosesThatMoment()
    {
        var chosen = new List<long>();
        var cut = Scrubber(12, chosen);
        var slider = cut.Find("[data-testid='moment-slider']");

        // The browser's own ← → Home End move a range by one step: one step is one moment.
        Assert.Equal("0", slider.GetAttribute("min"));
        Assert.Equal("4", slider.GetAttribute("max"));
        Assert.Equal("1", slider.GetAttribute("step"));
        Assert.Equal("2", slider.GetAttribute("value"));
        Assert.Contains("Substantive revision", slider.GetAttribute("aria-valuetext"));
        slider.Input("3");
        // Landing where it already is (the browser's input after a step it reported) chooses nothing twice.
        slider.Input("2");

        Assert.Equal([15L], chosen);
    }

    [Fact]
    public void AtTheEndsTheStepsThatLeadNowhereAreDisabled()
    {
        var cut = Scrubber(3, []);
        Assert.True(cut.Find("[data-testid='moment-previous']").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid='moment-first']").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid='moment-next']").HasAttribute("disabled"));

        cut = Scrubber(20, []);
        Assert.True(cut.Find("[data-testid='moment-next']").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid='moment-last']").HasAttribute("disabled"));
    }

    [Fact]
    public void WhenTheFilterHidesTheMomentShownTheStepsGoToTheNearestShownMoments()
    {
        var chosen = new List<long>();
        var shown = MomentFilter.All.Toggle(ReviewKinds.RevisionSubstantive).Apply(Moments);
        var cut = Render<MomentScrubber>(p => p
            .Add(x => x.Moments, shown)
            .Add(x => x.Selected, 12L)
            .Add(x => x.OnSelect, (long m) => chosen.Add(m)));

        cut.Find("[data-testid='moment-previous']").Click();
        cut.Find("[data-testid='moment-next']").Click();

        Assert.Equal([7L, 15L], chosen);
        Assert.Contains("hidden by the filter", cut.Find("[data-testid='scrubber-position']").TextContent);
    }

    [Fact]
    public void TheTimelineFiltersByKindAndByClauseKeepingMomentsOfTheWholeStatement()
    {
        var filter = MomentFilter.All;
        IRenderedComponent<MomentTimeline> Timeline() => Render<MomentTimeline>(p => p
            .Add(x => x.Moments, Moments)
            .Add(x => x.Clauses, [Clause(ClauseA, "First"), Clause(ClauseB, "Second")])
            .Add(x => x.Filter, filter)
            .Add(x => x.FilterChanged, (MomentFilter f) => filter = f));
        var cut = Timeline();
        Assert.Equal(5, cut.FindAll("[data-testid^='moment-'][data-kind]").Count);

        cut.Find($"[data-testid='filter-kind-{ReviewKinds.Status}']").Click();
        cut = Timeline();
        Assert.Equal("false", cut.Find($"[data-testid='filter-kind-{ReviewKinds.Status}']").GetAttribute("aria-pressed"));
        Assert.Empty(cut.FindAll("[data-testid='moment-15']"));

        cut.Find("[data-testid='filter-clause']").Change(ClauseA.ToString());
        cut = Timeline();
        // Clause A's moments and the phase (which names no clause); clause B's editorial revision is gone.
        Assert.Equal(["moment-3", "moment-7", "moment-12"], cut.FindAll("[data-testid^='moment-'][data-kind]").Select(b => b.GetAttribute("data-testid")));
        Assert.Contains("3 of 5 moments shown", cut.Find("[data-testid='moment-count']").TextContent);
    }

    [Fact]
    public void ChoosingAMomentInTheTimelineSelectsItAndMarksItCurrent()
    {
        var chosen = new List<long>();
        var cut = Render<MomentTimeline>(p => p
            .Add(x => x.Moments, Moments)
            .Add(x => x.Clauses, [Clause(ClauseA, "First"), Clause(ClauseB, "Second")])
            .Add(x => x.Filter, MomentFilter.All)
            .Add(x => x.Selected, 15L)
            .Add(x => x.OnSelect, (long m) => chosen.Add(m)));

        cut.Find("[data-testid='moment-7']").Click();

        Assert.Equal([7L], chosen);
        Assert.Equal("step", cut.Find("[data-testid='moment-15']").GetAttribute("aria-current"));
        Assert.Null(cut.Find("[data-testid='moment-7']").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task FiveThousandMomentsRenderOnlyTheRowsNearTheViewport()
    {
        var many = Enumerable.Range(1, 5_000).Select(i => Moment(i, i % 2 == 0 ? ReviewKinds.Status : ReviewKinds.RevisionEditorial, ClauseA)).ToList();
        var cut = Render<MomentTimeline>(p => p
            .Add(x => x.Moments, many)
            .Add(x => x.Clauses, [Clause(ClauseA, "First")])
            .Add(x => x.Filter, MomentFilter.All)
            .Add(x => x.Selected, 1L));

        // What the browser reports once the list is laid out: the space before the rows is in view, in a 600-pixel window.
        await SpacerBeforeVisibleAsync(cut, containerSize: 600);

        var rows = cut.FindAll("[data-testid^='moment-'][data-kind]");
        Assert.InRange(rows.Count, 1, 60);
        Assert.Equal("moment-1", rows[0].GetAttribute("data-testid"));
        Assert.Equal("step", rows[0].GetAttribute("aria-current"));
        Assert.Contains("5000 of 5000 moments shown", cut.Find("[data-testid='moment-count']").TextContent);
        // Still a list of list items, the rows that are not rendered standing in as the spacers' height.
        Assert.All(cut.Find("[data-testid='timeline-list']").Children, child => Assert.Equal("LI", child.TagName));
    }

    [Fact]
    public void ATimelineOfAFewMomentsRendersEveryRow()
    {
        var few = Enumerable.Range(1, MomentTimeline.VirtualizeFrom).Select(i => Moment(i, ReviewKinds.Status, ClauseA)).ToList();
        var cut = Render<MomentTimeline>(p => p
            .Add(x => x.Moments, few)
            .Add(x => x.Clauses, [Clause(ClauseA, "First")])
            .Add(x => x.Filter, MomentFilter.All));
        Assert.Equal(MomentTimeline.VirtualizeFrom, cut.FindAll("[data-testid^='moment-'][data-kind]").Count);
    }

    /// <summary>
    /// Plays the browser's part of <c>Virtualize</c>: its script tells the component, through the object
    /// it was handed at start, that the spacer before the rows came into view and how large the window is.
    /// </summary>
    private async Task SpacerBeforeVisibleAsync(IRenderedComponent<MomentTimeline> cut, float containerSize)
    {
        var init = JSInterop.Invocations.Single(i => i.Identifier.EndsWith("Virtualize.init", StringComparison.Ordinal));
        var reference = init.Arguments[0]!;
        var interop = reference.GetType().GetProperty("Value")!.GetValue(reference)!;
        var callback = interop.GetType().GetMethod("OnSpacerBeforeVisible")!;
        object[] arguments = callback.GetParameters().Length switch
        {
            3 => [0f, 0f, containerSize],
            var n => throw new InvalidOperationException($"Virtualize's OnSpacerBeforeVisible takes {n} arguments here; this test knows three."),
        };
        await cut.InvokeAsync(() => callback.Invoke(interop, arguments));
    }

    [Fact]
    public void AComparisonShowsTheWordDiffAndMarksTheChangedCellsInTheMatrix()
    {
        var before = Figures.Group("North", 3, support: 1, needed: 1);
        var after = Figures.Group("North", 3, support: 3, meets: true);
        var comparison = new ReviewComparison(7, 15,
            [new ClauseComparison(ClauseA, 1, 2, ClauseStatus.Contested, ClauseStatus.Agreed, true,
                [new TextSegment(TextSegmentKinds.Same, "Labs "), new TextSegment(TextSegmentKinds.Removed, "may"), new TextSegment(TextSegmentKinds.Added, "must"), new TextSegment(TextSegmentKinds.Same, " report.")]),
             new ClauseComparison(ClauseB, 1, 1, ClauseStatus.Pending, ClauseStatus.Pending, false, [new TextSegment(TextSegmentKinds.Same, "Unchanged.")])],
            [new MatrixCellChange(ClauseA, "Region", "North", before, after)]);

        var view = Render<MomentComparisonView>(p => p
            .Add(x => x.Comparison, comparison)
            .Add(x => x.ClauseNumber, id => id == ClauseA ? 1 : 2));
        Assert.Equal("may", view.Find($"[data-testid='comparison-clause-{ClauseA}'] del").TextContent);
        Assert.Equal("must", view.Find($"[data-testid='comparison-clause-{ClauseA}'] ins").TextContent);
        Assert.Empty(view.FindAll($"[data-testid='comparison-clause-{ClauseB}']"));
        var row = view.Find($"[data-testid='changed-cell-{ClauseA}-Region-North']");
        Assert.Contains("1/3", row.TextContent);
        Assert.Contains("3/3 support or accept, meets the rule", row.TextContent);

        var matrix = Render<ConsensusMatrix>(p => p
            .Add(x => x.Consensus, Figures.Statement(
                Figures.Clause(ClauseA, ClauseStatus.Agreed, Figures.Dimension("Region", after, Figures.Group("South", 2, support: 2, meets: true)))))
            .Add(x => x.ChangedCells, MomentComparisonView.ChangedCellKeys(comparison)));
        var changed = matrix.Find($"[data-testid='cell-{ClauseA}-Region-North']");
        Assert.Contains("cell-changed", changed.ClassList);
        Assert.Contains("(changed)", changed.TextContent);
        Assert.DoesNotContain("cell-changed", matrix.Find($"[data-testid='cell-{ClauseA}-Region-South']").ClassList);
    }

    [Fact]
    public void TheStatusChartHasABandPerStatusOfEachRowAndTheSameAsATable()
    {
        StoryPoint Point(long m, string? dimension, string? group, ClauseStatus status) => new(m, Start.AddMinutes(m), dimension, group, status, null, 0);
        var cut = Render<StatusOverTimeChart>(p => p.Add(x => x.Points, [
            Point(7, null, null, ClauseStatus.Pending), Point(7, "Region", "North", ClauseStatus.Pending),
            Point(12, null, null, ClauseStatus.Contested), Point(12, "Region", "North", ClauseStatus.Contested),
            Point(15, null, null, ClauseStatus.Agreed), Point(15, "Region", "North", ClauseStatus.Agreed),
            Point(20, "Region", "North", ClauseStatus.Agreed),
        ]));

        var spans = cut.FindAll("[data-testid='status-span']");
        Assert.Equal(["Pending", "Contested", "Agreed"], spans.Where(s => s.GetAttribute("data-row") == "Region · North").Select(s => s.GetAttribute("data-status")));
        Assert.Equal(3, spans.Count(s => s.GetAttribute("data-row") == "Whole clause"));
        Assert.Contains("Whole clause: Agreed at the end", cut.Find("svg").GetAttribute("aria-label"));
        Assert.Contains("Pending from", cut.Find("[data-testid='status-table']").TextContent);
    }

    [Fact]
    public void TheStatementAtAMomentSaysWhenTheFiguresAreAsReleased()
    {
        var released = Figures.Clause(ClauseA, ClauseStatus.Contested, Figures.Dimension("Region", Figures.Group("North", 3, support: 1, needed: 1)))
            with { Release = new ReleaseView(4, Start, null, false, 0, false, []) };
        var snapshot = new ReviewSnapshot(12, Start.AddMinutes(12), Phase.Deliberation, "Statement",
            [Clause(ClauseA, "Labs may report.")], Figures.Statement(released));

        var cut = Render<StatementAtMoment>(p => p.Add(x => x.Snapshot, snapshot));

        Assert.Contains("Labs may report.", cut.Find($"[data-testid='snapshot-clause-{ClauseA}']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='figures-as-released']"));
    }
}
