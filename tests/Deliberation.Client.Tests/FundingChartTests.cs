using System.Globalization;
using Deliberation.Client.Components;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Tests;

public sealed class FundingChartTests : ComponentTest
{
    private static FundingFloorAgreement Agreement(params ValueInterval[] zone)
    {
        // 0..100 step 10: 11 values. China supports 10..30, Europe 20..40.
        var china = new GroupCurve("Region", "China", 3, 3, [0, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0]);
        var europe = new GroupCurve("Region", "Europe", 4, 2, [0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0]);
        var silent = new GroupCurve("Region", "Global South", 3, 0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        return new FundingFloorAgreement("Share of AI R&D spent on safety", "%", 0, 100, 10, [.. zone], zone.Length > 0 ? 30 : null, zone.Length > 0 ? 1 : null, [china, europe, silent]);
    }

    [Fact]
    public void TheZoneIsShadedWhereTheZoneIntervalsAre()
    {
        var cut = Render<FundingChart>(p => p.Add(x => x.Agreement, Agreement(new ValueInterval(20, 30), new ValueInterval(60, 60))));

        var zones = cut.FindAll("[data-testid='zone']");
        Assert.Equal(2, zones.Count);
        Assert.Equal(("20", "30"), (zones[0].GetAttribute("data-from"), zones[0].GetAttribute("data-to")));
        // The plot runs from x=44 over 584 units for 0..100: 20 → 160.8, 30 → 219.2.
        Assert.Equal(160.8, double.Parse(zones[0].GetAttribute("x")!, CultureInfo.InvariantCulture), 1);
        Assert.Equal(58.4, double.Parse(zones[0].GetAttribute("width")!, CultureInfo.InvariantCulture), 1);
        // A single value still gets a visible band.
        Assert.True(double.Parse(zones[1].GetAttribute("width")!, CultureInfo.InvariantCulture) >= 2);
        Assert.Contains("20–30%, 60–60%", cut.Find("[data-testid='zone-text']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='best-value']"));
    }

    [Fact]
    public void WithoutAZoneNothingIsShadedAndItSaysSo()
    {
        var cut = Render<FundingChart>(p => p.Add(x => x.Agreement, Agreement()));

        Assert.Empty(cut.FindAll("[data-testid='zone']"));
        Assert.Contains("No zone of agreement", cut.Find("[data-testid='zone-text']").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='best-value']"));
    }

    [Fact]
    public void WithoutABestValueTheChartSaysNoValueHasSupportInsteadOfAMarker()
    {
        // Ranges were stated but the domain found no best value (docs/consensus.md): no marker at the top of the grid.
        var cut = Render<FundingChart>(p => p.Add(x => x.Agreement, Agreement() with { BestValue = null, BestMinimumShare = null }));

        Assert.Empty(cut.FindAll("[data-testid='best-value']"));
        Assert.Equal("No value has support yet", cut.Find("[data-testid='no-best-value']").TextContent);
        Assert.Contains("No value has support yet", cut.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void WithABestValueThereIsAMarkerAndNoNoSupportNote()
    {
        var cut = Render<FundingChart>(p => p.Add(x => x.Agreement, Agreement(new ValueInterval(20, 30))));

        Assert.NotNull(cut.Find("[data-testid='best-value']"));
        Assert.Empty(cut.FindAll("[data-testid='no-best-value']"));
    }

    [Fact]
    public void EachGroupWithAStatedRangeGetsACurveAndSilentGroupsNone()
    {
        var cut = Render<FundingChart>(p => p.Add(x => x.Agreement, Agreement(new ValueInterval(20, 30))));

        var china = cut.Find("[data-testid='curve-Region-China']").GetAttribute("d")!;
        Assert.StartsWith("M44,", china);
        Assert.Equal(10, china.Split(' ').Count(s => s.StartsWith('L')));
        Assert.Equal("", cut.Find("[data-testid='curve-Region-Global South']").GetAttribute("d") ?? "");
    }
}
