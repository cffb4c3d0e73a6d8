using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

public sealed class PositionPanelTests : ComponentTest
{
    [Theory]
    [InlineData(PositionKind.Support)]
    [InlineData(PositionKind.Accept)]
    [InlineData(PositionKind.StandAside)]
    [InlineData(PositionKind.Oppose)]
    [InlineData(PositionKind.Block)]
    public void ClickingAButtonSendsThatPositionWithTheNote(PositionKind kind)
    {
        PositionChoice? chosen = null;
        var cut = Render<PositionPanel>(p => p.Add(x => x.OnChoose, (PositionChoice c) => chosen = c));

        cut.Find("[data-testid='position-note']")
            .Input("  if the threshold is reviewed yearly ");
        cut.Find($"[data-testid='position-{kind}']").Click();

        Assert.Equal(new PositionChoice(kind, "if the threshold is reviewed yearly"), chosen);
    }

    [Fact]
    public void WithoutANoteTheNoteIsNull()
    {
        PositionChoice? chosen = null;
        var cut = Render<PositionPanel>(p => p.Add(x => x.OnChoose, (PositionChoice c) => chosen = c));

        cut.Find("[data-testid='position-Accept']").Click();

        Assert.Equal(new PositionChoice(PositionKind.Accept, null), chosen);
    }

    [Fact]
    public void TheCurrentPositionIsShownAndPressed()
    {
        var cut = Render<PositionPanel>(p => p
            .Add(x => x.Current, new Position(PositionKind.Oppose, 2, "too vague", DateTimeOffset.UnixEpoch))
            .Add(x => x.OnChoose, (PositionChoice _) => { }));

        Assert.Contains("Oppose", cut.Find("[data-testid='position-current']").TextContent);
        Assert.Equal("true", cut.Find("[data-testid='position-Oppose']").GetAttribute("aria-pressed"));
        Assert.Equal("false", cut.Find("[data-testid='position-Support']").GetAttribute("aria-pressed"));
        Assert.Empty(cut.FindAll("[data-testid='reconfirm']"));
    }

    [Fact]
    public void AStalePositionPromptsToReconfirmAndReconfirmingResendsIt()
    {
        PositionChoice? chosen = null;
        var cut = Render<PositionPanel>(p => p
            .Add(x => x.Current, new Position(PositionKind.Accept, 1, null, DateTimeOffset.UnixEpoch))
            .Add(x => x.IsStale, true)
            .Add(x => x.OnChoose, (PositionChoice c) => chosen = c));

        var prompt = cut.Find("[data-testid='reconfirm']");
        Assert.Contains("no longer counts", prompt.TextContent);
        Assert.Equal("false", cut.Find("[data-testid='position-Accept']").GetAttribute("aria-pressed"));

        cut.Find("[data-testid='position-reconfirm-button']").Click();

        Assert.Equal(PositionKind.Accept, chosen?.Kind);
    }

    [Fact]
    public void DisabledButtonsSayWhy()
    {
        var cut = Render<PositionPanel>(p => p
            .Add(x => x.Disabled, true)
            .Add(x => x.DisabledReason, "Positions are closed in Setup.")
            .Add(x => x.OnChoose, (PositionChoice _) => { }));

        Assert.True(cut.Find("[data-testid='position-Support']").HasAttribute("disabled"));
        Assert.Contains("Positions are closed in Setup.", cut.Markup);
    }
}
