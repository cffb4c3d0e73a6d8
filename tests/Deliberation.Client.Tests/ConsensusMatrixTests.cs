using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

public sealed class ConsensusMatrixTests : ComponentTest
{
    private static readonly Guid ClauseA = Guid.NewGuid();
    private static readonly Guid ClauseB = Guid.NewGuid();

    private static StatementConsensus TwoClausesTwoDimensions() => Figures.Statement(
        Figures.Clause(ClauseA, ClauseStatus.Agreed,
            Figures.Dimension("Region", Figures.Group("China", 3, support: 3, meets: true), Figures.Group("Europe", 4, support: 2, accept: 1, oppose: 1, meets: true)),
            Figures.Dimension("Sector", Figures.Group("Academia", 5, support: 4, stale: 1, meets: true))),
        Figures.Clause(ClauseB, ClauseStatus.Blocked,
            Figures.Dimension("Region", Figures.Group("China", 3, support: 1, oppose: 1, block: 1, needed: 2), Figures.Group("Europe", 4, needed: 3)),
            Figures.Dimension("Sector", Figures.Group("Academia", 5, support: 2, needed: 2))));

    [Fact]
    public void RendersACellForEveryClauseAndGroupOfEveryDimension()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, TwoClausesTwoDimensions()));

        foreach (var clause in new[] { ClauseA, ClauseB })
            foreach (var cell in new[] { "Region-China", "Region-Europe", "Sector-Academia" })
                Assert.NotNull(cut.Find($"[data-testid='cell-{clause}-{cell}']"));
        Assert.Equal(["China", "Europe", "Academia"], cut.FindAll("th.matrix-group").Select(th => th.TextContent.Trim()));
        Assert.Equal(["Region", "Sector"], cut.FindAll("th.matrix-dimension").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public void CellShowsSupportCountAndIsColouredByShare()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, TwoClausesTwoDimensions()));

        var europe = cut.Find($"[data-testid='cell-{ClauseA}-Region-Europe']");
        Assert.StartsWith("3/4", europe.TextContent.Trim());
        Assert.Equal("2", europe.GetAttribute("data-support"));
        // share 3 of 4 decided = 75% → hue 90.
        Assert.Contains("hsl(90, 65%, 82%)", europe.GetAttribute("style"));
        var undecided = cut.Find($"[data-testid='cell-{ClauseB}-Region-Europe']");
        Assert.Contains(Presentation.ShareColor(null), undecided.GetAttribute("style"));
    }

    [Fact]
    public void BlockIsMarkedOnTheCellThatBlocks()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, TwoClausesTwoDimensions()));

        var blocked = cut.Find($"[data-testid='cell-{ClauseB}-Region-China']");
        Assert.Contains("has-block", blocked.ClassList);
        Assert.NotNull(blocked.QuerySelector("[data-testid='block-mark']"));
        Assert.Null(cut.Find($"[data-testid='cell-{ClauseA}-Region-China']").QuerySelector("[data-testid='block-mark']"));
    }

    [Fact]
    public void StalePositionsAreCountedOnTheCell()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, TwoClausesTwoDimensions()));

        var stale = cut.Find($"[data-testid='cell-{ClauseA}-Sector-Academia'] [data-testid='stale-mark']");
        Assert.Equal("↻1", stale.TextContent.Trim());
    }

    [Fact]
    public void NeededIsInTheTitleAndOnTheCell()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, TwoClausesTwoDimensions()));

        var cell = cut.Find($"[data-testid='cell-{ClauseB}-Sector-Academia']");
        Assert.Contains("needed: 2 more", cell.GetAttribute("title"));
        Assert.Equal("2", cell.GetAttribute("data-needed"));
        Assert.Contains("+2", cell.TextContent);
        Assert.Contains("meets the rule", cut.Find($"[data-testid='cell-{ClauseA}-Sector-Academia']").GetAttribute("title"));
    }

    [Fact]
    public void FoldedGroupsShowAsOneOtherGroupsColumnNamingThem()
    {
        var folded = Figures.Group(ConsensusRedaction.FoldedRowName, 3, support: 2, folded: ["Government", "Industry"]);
        var consensus = Figures.Statement(Figures.Clause(ClauseA, ClauseStatus.Contested,
            Figures.Dimension("Sector", Figures.Group("Academia", 4, support: 4, meets: true), folded)));

        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, consensus));

        var header = cut.FindAll("th.matrix-group").Last();
        Assert.Equal("Other groups", header.TextContent.Trim());
        Assert.Contains("Government, Industry", header.GetAttribute("title"));
        Assert.StartsWith("2/3", cut.Find($"[data-testid='cell-{ClauseA}-Sector-Other groups']").TextContent.Trim());
    }

    [Fact]
    public void WithoutFiguresItSaysSo()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, null));

        Assert.Contains("No figures yet", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void ClickingAClauseSelectsIt()
    {
        Guid? selected = null;
        var cut = Render<ConsensusMatrix>(p => p
            .Add(x => x.Consensus, TwoClausesTwoDimensions())
            .Add(x => x.OnSelect, (Guid id) => selected = id));

        cut.Find($"[data-testid='matrix-row-{ClauseB}'] button").Click();

        Assert.Equal(ClauseB, selected);
    }

    [Fact]
    public void AReleaseViewerSeesWhenTheFiguresWereShownPendingChangesAForcedReleaseAndItsNotes()
    {
        var at = new DateTimeOffset(2026, 12, 2, 9, 14, 0, TimeSpan.Zero);
        var figures = TwoClausesTwoDimensions();
        var released = figures with
        {
            Clauses =
            [
                figures.Clauses[0] with { Release = new ReleaseView(12, at, ReleaseTrigger.ShowTheRoom, true, 1, true, ["Add independent audits", "Only with a sunset clause"]) },
                figures.Clauses[1] with { Release = new ReleaseView(0, null, null, false, 0, false, []) },
            ],
        };

        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, released));

        Assert.Contains("Figures as last shown to the room", cut.Find("[data-testid='release-note']").TextContent);
        Assert.Single(cut.FindAll("[data-testid='changes-pending']"));
        Assert.Single(cut.FindAll("[data-testid='forced-release']"));
        var notes = cut.Find($"[data-testid='release-notes-{ClauseA}']");
        Assert.Contains("Reservations (as released)", notes.TextContent);
        Assert.Equal(["Add independent audits", "Only with a sunset clause"], notes.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Empty(cut.FindAll($"[data-testid='release-notes-{ClauseB}']"));
    }

    [Fact]
    public void ALiveViewerSeesNoReleaseMarks()
    {
        var cut = Render<ConsensusMatrix>(p => p.Add(x => x.Consensus, TwoClausesTwoDimensions()));

        Assert.Empty(cut.FindAll("[data-testid='release-note']"));
        Assert.Empty(cut.FindAll("[data-testid='changes-pending']"));
    }
}
