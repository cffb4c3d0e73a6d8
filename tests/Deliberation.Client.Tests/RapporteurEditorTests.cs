using Deliberation.Client.Api;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Client.Tests;

public sealed class RapporteurEditorTests : ComponentTest
{
    private static readonly Guid ClauseId = Guid.NewGuid();

    private static ClauseView Clause(int revision, string text) => new(
        ClauseId, ClauseKind.RedLine, null, revision, 1, text, false, [], null,
        [.. Enumerable.Range(1, revision).Select(n => new RevisionView(n, n == revision ? text : $"text {n}", DateTimeOffset.UnixEpoch, RevisionKind.Substantive, RevisionSource.Edit, null))],
        null, System.Collections.Immutable.ImmutableDictionary<string, Position>.Empty, null, false);

    [Fact]
    public void CommitSendsTheDraftOnItsBaseRevision()
    {
        ClauseRevision? sent = null;
        var cut = Render<RapporteurEditor>(p => p
            .Add(x => x.Clause, Clause(2, "Old text."))
            .Add(x => x.OnCommit, r => { sent = r; return Task.FromResult(CommandOutcome.Ok("statement-x", 9)); }));

        cut.Find("[data-testid='editor-text']").Input("New text.");
        cut.Find("[data-testid='editor-kind']").Change(RevisionKind.Editorial.ToString());
        cut.Find("[data-testid='editor-commit']").Click();

        Assert.Equal(new ClauseRevision(ClauseId, 2, "New text.", RevisionKind.Editorial, null), sent);
    }

    [Fact]
    public void AStaleBaseOpensTheMergeViewKeepingTheDraft()
    {
        var calls = new List<ClauseRevision>();
        var clause = Clause(2, "Base text.");
        var cut = Render<RapporteurEditor>(p => p
            .Add(x => x.Clause, clause)
            .Add(x => x.OnCommit, r =>
            {
                calls.Add(r);
                return Task.FromResult(calls.Count == 1
                    ? CommandOutcome.Refused("statement-x", 3, RuleError.Conflict(RapporteurEditor.StaleBaseRule, "Someone revised it first."))
                    : CommandOutcome.Ok("statement-x", 4));
            }));

        cut.Find("[data-testid='editor-text']").Input("My careful draft.");
        // Someone else's revision arrives meanwhile.
        cut.Render(p => p.Add(x => x.Clause, Clause(3, "Their text.")));
        Assert.NotNull(cut.Find("[data-testid='editor-base-moved']"));
        cut.Find("[data-testid='editor-commit']").Click();

        var merge = cut.Find("[data-testid='merge-view']");
        Assert.Equal("Their text.", cut.Find("[data-testid='merge-theirs']").TextContent);
        Assert.Equal("My careful draft.", cut.Find("[data-testid='merge-yours']").TextContent);
        Assert.NotNull(merge);

        cut.Find("[data-testid='merge-text']").Input("Their text, with my care.");
        cut.Find("[data-testid='merge-commit']").Click();

        Assert.Equal(2, calls.Count);
        Assert.Equal((2, "My careful draft."), (calls[0].BaseRevision, calls[0].Text));
        Assert.Equal((3, "Their text, with my care."), (calls[1].BaseRevision, calls[1].Text));
        Assert.Empty(cut.FindAll("[data-testid='merge-view']"));
    }

    [Fact]
    public async Task TypingSendsAPreviewAfterAPause()
    {
        var clock = new FakeTimeProvider();
        Services.AddSingleton<TimeProvider>(clock);
        var previews = new List<DraftText>();
        var sent = new TaskCompletionSource();
        var cut = Render<RapporteurEditor>(p => p
            .Add(x => x.Clause, Clause(1, "Text."))
            .Add(x => x.PreviewDelay, TimeSpan.FromMilliseconds(50))
            .Add(x => x.OnPreview, d => { lock (previews) previews.Add(d); sent.TrySetResult(); return Task.CompletedTask; })
            .Add(x => x.OnCommit, _ => Task.FromResult(CommandOutcome.Ok("s", 1))));

        cut.Find("[data-testid='editor-text']").Input("Te");
        clock.Advance(TimeSpan.FromMilliseconds(30));
        cut.Find("[data-testid='editor-text']").Input("Text, edited.");
        clock.Advance(TimeSpan.FromMilliseconds(30));
        // 60 ms after the first keystroke but only 30 after the last: nothing has gone out yet.
        lock (previews)
            Assert.Empty(previews);

        clock.Advance(TimeSpan.FromMilliseconds(20));
        await sent.Task.WaitAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(1));
        // Only the text after the pause went out: the first keystrokes were superseded.
        lock (previews)
            Assert.Equal([new DraftText(ClauseId, 1, "Text, edited.")], previews);
    }
}
