using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Tests;

/// <summary>The chair's holdouts panel shows what the server sent for this viewer, and nothing more.</summary>
public sealed class HoldoutsPanelTests : ComponentTest
{
    private static readonly Guid Clause = Guid.NewGuid();

    private static ClauseHoldouts Named() => new(Clause, 2, Named: true,
        [
            new Holdout(Guid.NewGuid(), "Di Zhang", null, PositionKind.Block, 2, false, "No one can verify a safety case."),
            new Holdout(Guid.NewGuid(), "Ann Moreau", null, PositionKind.Support, 1, true, null),
        ],
        [], Stale: 1,
        [new GroupNeed("Region", "China", 3, 2, [])]);

    private static ClauseHoldouts Anonymous() => new(Clause, 2, Named: false, [],
        ["Before deployment is too late.", "No one can verify a safety case."], Stale: 3,
        [new GroupNeed("Region", "Other groups", 4, 1, ["Europe", "Global South"])]);

    [Fact]
    public void WhereNamesAreShown_EachHoldoutHasHerNameHerPositionAndHerNote()
    {
        var cut = Render<HoldoutsPanel>(p => p.Add(x => x.Holdouts, Named()));

        var people = cut.FindAll("[data-testid='holdout']");
        Assert.Equal(2, people.Count);
        Assert.Contains("Di Zhang", people[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Block", people[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("No one can verify a safety case.", people[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("given on revision 1", people[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("(no note)", people[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("Region · China, 3 members: needs 2 more supporters", cut.Find("[data-testid='group-need']").TextContent);
        Assert.Contains("1 person's position", cut.Find("[data-testid='holdouts-stale']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WhereNamesAreHidden_OnlyTheRoomsNotesAndCountsAreShown()
    {
        var cut = Render<HoldoutsPanel>(p => p.Add(x => x.Holdouts, Anonymous()));

        Assert.Empty(cut.FindAll("[data-testid='holdout']"));
        Assert.NotNull(cut.Find("[data-testid='holdouts-anonymous']"));
        Assert.Equal(["Before deployment is too late.", "No one can verify a safety case."], cut.FindAll("[data-testid='holdout-note']").Select(n => n.TextContent));
        Assert.Equal("Region · Other groups (Europe, Global South), 4 members: needs 1 more supporter", cut.Find("[data-testid='group-need']").TextContent);
        Assert.Contains("3 people's positions", cut.Find("[data-testid='holdouts-stale']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ItsHeadingsFollowTheClauseCardsOrder_AndItsRegionIsLabelled()
    {
        var cut = Render<HoldoutsPanel>(p => p.Add(x => x.Holdouts, Named()));

        // The clause card's heading is an h2 and its sections h3: the panel is one h3 with h4 parts.
        Assert.Single(cut.FindAll("h3"));
        Assert.Equal(["Who holds out", "Positions on an older text", "What each group needs"], cut.FindAll("h4").Select(h => h.TextContent));
        Assert.Equal("holdouts-heading", cut.Find("section").GetAttribute("aria-labelledby"));
    }

    [Fact]
    public void ARefusalIsShownWithTheServersMessage()
    {
        var cut = Render<HoldoutsPanel>(p => p.Add(x => x.Problem, "Only the facilitator, the convener and the rapporteur see who holds out on a clause."));

        Assert.Contains("Only the facilitator", cut.Find("[data-testid='holdouts-problem']").TextContent, StringComparison.Ordinal);
    }
}
