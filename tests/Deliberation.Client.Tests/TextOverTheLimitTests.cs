using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

/// <summary>
/// Text longer than a clause may be is refused with a counter and a reason, never cut: a 5,000-character
/// clause used to become 4,000 in the box without a word (issue 11).
/// </summary>
public sealed class TextOverTheLimitTests : ComponentTest
{
    private static readonly string TooLong = new('x', Limits.ClauseTextLength + 1_000);
    private static readonly string AtTheLimit = new('y', Limits.ClauseTextLength);

    private static ClauseView Clause(string text) => new(
        Guid.NewGuid(), ClauseKind.RedLine, null, 1, 1, text, false, [], null,
        [new RevisionView(1, text, DateTimeOffset.UnixEpoch, RevisionKind.Substantive, RevisionSource.Edit, null)],
        null, System.Collections.Immutable.ImmutableDictionary<string, Position>.Empty, null, false);

    [Fact]
    public void TheClauseEditorRefusesOverLongTextWithoutCuttingIt()
    {
        var cut = Render<RapporteurEditor>(p => p
            .Add(x => x.Clause, Clause("Old text."))
            .Add(x => x.OnCommit, _ => Task.FromResult(CommandOutcome.Ok("statement-x", 2))));

        var box = cut.Find("[data-testid='editor-text']");
        Assert.False(box.HasAttribute("maxlength"));
        box.Input(TooLong);

        Assert.Contains("5,000 / 4,000", cut.Find("[data-testid='editor-length']").TextContent);
        Assert.Contains("1,000 characters over the limit", cut.Find("[data-testid='editor-length-over']").TextContent);
        Assert.True(cut.Find("[data-testid='editor-commit']").HasAttribute("disabled"));

        cut.Find("[data-testid='editor-text']").Input(AtTheLimit);
        Assert.Empty(cut.FindAll("[data-testid='editor-length-over']"));
        Assert.False(cut.Find("[data-testid='editor-commit']").HasAttribute("disabled"));
    }

    [Fact]
    public void TheProposeFormRefusesOverLongTextWithoutCuttingIt()
    {
        ClauseProposal? sent = null;
        var cut = Render<ProposeClauseForm>(p => p.Add(x => x.OnPropose, proposal => { sent = proposal; return Task.FromResult(true); }));

        var box = cut.Find("[data-testid='propose-text']");
        Assert.False(box.HasAttribute("maxlength"));
        box.Input(TooLong);

        Assert.Contains("5,000 / 4,000", cut.Find("[data-testid='propose-length']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='propose-length-over']"));
        Assert.True(cut.Find("[data-testid='propose-submit']").HasAttribute("disabled"));
        Assert.Null(sent);
    }

    [Fact]
    public void TheAmendmentFormRefusesOverLongTextWithoutCuttingIt()
    {
        var cut = Render<AmendmentPanel>(p => p
            .Add(x => x.Amendments, [])
            .Add(x => x.CurrentText, "Old text.")
            .Add(x => x.CanPropose, true)
            .Add(x => x.OnPropose, _ => Task.FromResult(true)));

        cut.Find("[data-testid='amendment-propose']").Click();
        var box = cut.Find("[data-testid='amendment-text']");
        Assert.False(box.HasAttribute("maxlength"));
        box.Input(TooLong);

        Assert.Contains("5,000 / 4,000", cut.Find("[data-testid='amendment-length']").TextContent);
        Assert.NotNull(cut.Find("[data-testid='amendment-length-over']"));
        Assert.True(cut.Find("[data-testid='amendment-submit']").HasAttribute("disabled"));
    }
}
