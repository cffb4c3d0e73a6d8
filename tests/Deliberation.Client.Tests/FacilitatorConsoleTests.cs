using System.Collections.Immutable;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Tests;

/// <summary>The chair's console: the freeze warning, the timer only where it may run, and how a bracket is resolved (issue 11).</summary>
public sealed class FacilitatorConsoleTests : ComponentTest
{
    private static readonly MemberView Chair = new(Guid.NewGuid(), "Fran Chair", null, Role.Facilitator, ImmutableDictionary<string, string>.Empty);

    private static DialogueView Dialogue(Phase phase) => new(Guid.NewGuid(), 5, new DialogueSettings("Venice"), phase, [],
        ConsensusRules.Standard, [Chair], [], null, [], null, [], Chair);

    private static ClauseView Clause(string text, bool withdrawn = false, ImmutableArray<SlotPart> slots = default) =>
        new(Guid.NewGuid(), ClauseKind.RedLine, null, 1, 1, text, withdrawn, slots.IsDefault ? [] : slots, null,
            [new RevisionView(1, text, DateTimeOffset.UnixEpoch, RevisionKind.Substantive, RevisionSource.Draft, null)],
            null, ImmutableDictionary<string, Position>.Empty, null, false);

    private static StatementView Statement(params ClauseView[] clauses) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Venice statement", 9, null, [.. clauses], [], []);

    private IRenderedComponent<FacilitatorConsole> RenderConsole(Phase phase, StatementView? statement = null, StatementConsensus? consensus = null,
        ClauseView? clause = null, Action? onFreeze = null, Action<BracketResolution>? onResolve = null) =>
        Render<FacilitatorConsole>(p => p
            .Add(x => x.Dialogue, Dialogue(phase))
            .Add(x => x.Statement, statement)
            .Add(x => x.Consensus, consensus)
            .Add(x => x.Clause, clause)
            .Add(x => x.OnFreeze, EventCallback.Factory.Create(this, () => onFreeze?.Invoke()))
            .Add(x => x.OnResolve, EventCallback.Factory.Create<BracketResolution>(this, r => onResolve?.Invoke(r))));

    [Fact]
    public void FreezingAStatementWithClausesNotAgreed_NamesThemAndAsksAgain()
    {
        var agreed = Clause("Developers publish their safety cases.");
        var contested = Clause("No AI system should copy itself or improve itself without explicit human approval, ever, anywhere.");
        var silent = Clause("Report serious incidents within a week.");
        var withdrawn = Clause("A merged clause.", withdrawn: true);
        var freezes = 0;
        var cut = RenderConsole(Phase.FinalReading, Statement(agreed, contested, silent, withdrawn),
            Figures.Statement(Figures.Clause(agreed.Id, ClauseStatus.Agreed), Figures.Clause(contested.Id, ClauseStatus.Contested)),
            onFreeze: () => freezes++);

        cut.Find("[data-testid='freeze']").Click();

        // Before issue 11 the same "Sure?" was asked whatever the clauses said.
        var warning = cut.Find("[data-testid='freeze-warning']");
        Assert.Contains("2 clauses are not agreed", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Clause 2 “No AI system should copy itself or improve…”: Contested", "Clause 3 “Report serious incidents within a week.”: Pending"],
            cut.FindAll("[data-testid='freeze-not-agreed']").Select(li => li.TextContent));
        Assert.Empty(cut.FindAll("[data-testid='freeze-confirm']"));
        Assert.Equal(0, freezes);

        cut.Find("[data-testid='freeze-anyway']").Click();

        Assert.Equal(1, freezes);
    }

    [Fact]
    public void FreezingAStatementWhoseClausesAreAllAgreed_AsksTheUsualQuestion()
    {
        var first = Clause("Developers publish their safety cases.");
        var second = Clause("Report serious incidents within a week.");
        var freezes = 0;
        var cut = RenderConsole(Phase.FinalReading, Statement(first, second),
            Figures.Statement(Figures.Clause(first.Id, ClauseStatus.Agreed), Figures.Clause(second.Id, ClauseStatus.Agreed)),
            onFreeze: () => freezes++);

        cut.Find("[data-testid='freeze']").Click();

        Assert.Empty(cut.FindAll("[data-testid='freeze-warning']"));
        cut.Find("[data-testid='freeze-confirm']").Click();
        Assert.Equal(1, freezes);
    }

    [Fact]
    public void CancellingTheWarning_FreezesNothing()
    {
        var contested = Clause("Developers publish their safety cases.");
        var freezes = 0;
        var cut = RenderConsole(Phase.FinalReading, Statement(contested), Figures.Statement(Figures.Clause(contested.Id, ClauseStatus.Contested)), onFreeze: () => freezes++);

        cut.Find("[data-testid='freeze']").Click();
        cut.Find("[data-testid='freeze-cancel']").Click();

        Assert.Empty(cut.FindAll("[data-testid='freeze-warning']"));
        Assert.Equal(0, freezes);
    }

    [Theory]
    [InlineData(Phase.Deliberation, true)]
    [InlineData(Phase.FinalReading, true)]
    [InlineData(Phase.Signing, false)]
    [InlineData(Phase.Closed, false)]
    public void TheTimerIsOfferedOnlyWhereItMayRun(Phase phase, bool offered)
    {
        var cut = RenderConsole(phase, Statement(Clause("Developers publish their safety cases.")));

        Assert.Equal(offered, cut.FindAll("[data-testid='timer-start']").Count == 1);
        Assert.Equal(offered, cut.FindAll("[data-testid='timer-controls']").Count == 1);
    }

    [Fact]
    public void ResolvingABracket_SendsTheKindTheChairChose_SubstantiveUnlessToldOtherwise()
    {
        var bracketed = Clause("Developers [publish|share] their safety cases.", slots: [.. BracketedText.Parse("Developers [publish|share] their safety cases.").Slots]);
        var option = bracketed.Slots[0].Options[0].Id;
        var sent = new List<BracketResolution>();
        var cut = RenderConsole(Phase.Drafting, Statement(bracketed), clause: bracketed, onResolve: sent.Add);

        cut.Find($"[data-testid='resolve-{option}']").Click();
        cut.Find("[data-testid='resolve-kind-Editorial']").Change(true);
        cut.Find($"[data-testid='resolve-{option}']").Click();

        Assert.Equal([new BracketResolution(option, RevisionKind.Substantive), new BracketResolution(option, RevisionKind.Editorial)], sent);
        Assert.Contains("positions given on the option kept become positions on the clause", cut.Find("[data-testid='resolve-kind']").TextContent, StringComparison.Ordinal);
    }
}
