using Deliberation.Client.Components;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

public sealed class RangeControlTests : ComponentTest
{
    [Fact]
    public void ValuesAreEmittedOnTheParametersGrid()
    {
        RangeChoice? sent = null;
        var cut = Render<RangeControl>(p => p.Add(x => x.OnSubmit, (RangeChoice r) => sent = r));

        cut.Find("[data-testid='range-low']").Change("10.3");
        cut.Find("[data-testid='range-high']").Change("33.3");
        cut.Find("[data-testid='range-submit']").Click();

        // Snapped to steps of 0.5.
        Assert.Equal(new RangeChoice(10.5, 33.5), sent);
    }

    [Fact]
    public void ALowAboveTheHighIsFlaggedAndCannotBeSent()
    {
        RangeChoice? sent = null;
        var cut = Render<RangeControl>(p => p
            .Add(x => x.Current, new StatedRange(10, 20, 1, DateTimeOffset.UnixEpoch))
            .Add(x => x.OnSubmit, (RangeChoice r) => sent = r));

        cut.Find("[data-testid='range-low']").Change("40");

        Assert.Contains("above the highest", cut.Find("[data-testid='range-error']").TextContent);
        Assert.True(cut.Find("[data-testid='range-submit']").HasAttribute("disabled"));
        Assert.Null(sent);

        cut.Find("[data-testid='range-high-slider']").Input("60");
        Assert.Empty(cut.FindAll("[data-testid='range-error']"));
        cut.Find("[data-testid='range-submit']").Click();
        Assert.Equal(new RangeChoice(40, 60), sent);
    }

    [Fact]
    public void ValuesStayWithinTheParametersBounds()
    {
        RangeChoice? sent = null;
        var cut = Render<RangeControl>(p => p
            .Add(x => x.Parameter, new NumericParameter("Share", "%", 0, 50, 1))
            .Add(x => x.OnSubmit, (RangeChoice r) => sent = r));

        cut.Find("[data-testid='range-low']").Change("-5");
        cut.Find("[data-testid='range-high']").Change("80");
        cut.Find("[data-testid='range-submit']").Click();

        Assert.Equal(new RangeChoice(0, 50), sent);
    }

    [Fact]
    public void TheStatedRangeIsShown()
    {
        var cut = Render<RangeControl>(p => p
            .Add(x => x.Current, new StatedRange(10, 25, 1, DateTimeOffset.UnixEpoch))
            .Add(x => x.OnSubmit, (RangeChoice _) => { }));

        Assert.Contains("10–25%", cut.Find("[data-testid='range-current']").TextContent);
        Assert.Equal("10", cut.Find("[data-testid='range-low']").GetAttribute("value"));
        Assert.Equal("25", cut.Find("[data-testid='range-high']").GetAttribute("value"));
    }
}
