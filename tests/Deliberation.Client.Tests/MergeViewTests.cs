using Deliberation.Client.Components;

namespace Deliberation.Client.Tests;

public sealed class MergeViewTests : ComponentTest
{
    [Fact]
    public void ShowsBothTextsAndTheirDifference()
    {
        var cut = Render<MergeView>(p => p
            .Add(x => x.Theirs, "Developers should spend at least one third on safety.")
            .Add(x => x.Yours, "Developers must spend at least one third on safety.")
            .Add(x => x.TheirRevision, 3)
            .Add(x => x.OnCommit, (string _) => { }));

        Assert.NotNull(cut.Find("[data-testid='merge-view']"));
        Assert.Equal("Developers should spend at least one third on safety.", cut.Find("[data-testid='merge-theirs']").TextContent);
        Assert.Equal("Developers must spend at least one third on safety.", cut.Find("[data-testid='merge-yours']").TextContent);
        Assert.Equal("should", cut.Find("del.diff-del").TextContent.Trim());
        Assert.Equal("must", cut.Find("ins.diff-ins").TextContent.Trim());
        Assert.Contains("revision 3", cut.Markup);
    }

    [Fact]
    public void TheMergedTextStartsFromTheDraftAndIsWhatIsCommitted()
    {
        string? committed = null;
        var cut = Render<MergeView>(p => p
            .Add(x => x.Theirs, "Theirs.")
            .Add(x => x.Yours, "Mine, all typed.")
            .Add(x => x.OnCommit, (string text) => committed = text));

        Assert.Equal("Mine, all typed.", cut.Find("[data-testid='merge-text']").GetAttribute("value"));
        cut.Find("[data-testid='merge-text']").Input("Both, merged.");
        cut.Find("[data-testid='merge-commit']").Click();

        Assert.Equal("Both, merged.", committed);
    }

    [Fact]
    public void EditsThatDoNotOverlapAreCombined()
    {
        var (text, auto) = MergeView.Propose(
            baseText: "AI developers should register models. Audits are voluntary.",
            theirs: "Leading AI developers should register models. Audits are voluntary.",
            yours: "AI developers should register models. Audits are mandatory.");

        Assert.True(auto);
        Assert.Equal("Leading AI developers should register models. Audits are mandatory.", text);
    }
}
