using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// <see cref="Statement.JudgeDraft"/>: a live draft preview is judged by the rules that judge the
/// committed edit, and refused with the same rule and the same message.
/// </summary>
public sealed class DraftRuleTests
{
    private const string Text = "AI systems should not be able to copy or improve themselves without explicit human approval.";

    private readonly DialogueBuilder dialogue = new();
    private readonly Guid delegateId;
    private readonly Guid rapporteur;
    private readonly Guid clause;

    public DraftRuleTests()
    {
        delegateId = dialogue.AddMember(region: UnitedStates, sector: Industry);
        rapporteur = dialogue.AddMember(Role.Rapporteur);
        clause = dialogue.Clause(Text);
    }

    private RuleError? Draft(Guid author, string text) => Statement.JudgeDraft(dialogue.Dialogue, author, text);

    private RuleError Committed(Guid author, string text) =>
        dialogue.Refused(new ReviseClause(clause, dialogue.RevisionOf(clause), text, RevisionKind.Editorial, null), author);

    [Theory]
    [InlineData(Phase.Setup)]
    [InlineData(Phase.Drafting)]
    public void DrafterMayPreviewWhileTheTextIsOpen(Phase phase)
    {
        dialogue.InPhase(phase);
        Assert.Null(Draft(rapporteur, Text + " Ever."));
        Assert.Null(Draft(dialogue.Facilitator, Text + " Ever."));
        Assert.Null(Draft(dialogue.Convener, Text + " Ever."));
    }

    [Fact]
    public void DelegateMayNotPreviewAndIsRefusedAsHerEditWouldBe()
    {
        dialogue.InPhase(Phase.Drafting);
        var draft = Draft(delegateId, Text + " Ever.");
        Assert.NotNull(draft);
        Assert.Equal(("role.not-rapporteur", ErrorKind.Forbidden), (draft.Rule, draft.Kind));
        Assert.Equal(Committed(delegateId, Text + " Ever."), draft);
    }

    [Fact]
    public void SomeoneOutsideTheDialogueMayNotPreview() =>
        Assert.Equal("role.not-rapporteur", Draft(Guid.NewGuid(), Text)?.Rule);

    [Theory]
    [InlineData(Phase.Deliberation)]
    [InlineData(Phase.FinalReading)]
    [InlineData(Phase.Signing)]
    public void NoPreviewOutsideTheEditingPhasesAndTheSameRefusalAsAnEdit(Phase phase)
    {
        dialogue.InPhase(phase);
        var draft = Draft(rapporteur, Text + " Ever.");
        Assert.NotNull(draft);
        Assert.Equal(("phase.not-allowed", ErrorKind.Conflict), (draft.Rule, draft.Kind));
        Assert.Equal(Committed(rapporteur, Text + " Ever."), draft);
    }

    [Fact]
    public void TooLongAPreviewIsRefusedAsTooLongAnEdit()
    {
        dialogue.InPhase(Phase.Drafting);
        var tooLong = new string('x', Limits.ClauseTextLength + 1);
        Assert.Null(Draft(rapporteur, new string('x', Limits.ClauseTextLength)));
        var draft = Draft(rapporteur, tooLong);
        Assert.NotNull(draft);
        Assert.Equal(("text.too-long", ErrorKind.Invalid), (draft.Rule, draft.Kind));
        Assert.Equal(Committed(rapporteur, tooLong), draft);
        Assert.Equal(dialogue.Refused(new ProposeClause(Guid.NewGuid(), ClauseKind.Other, tooLong), rapporteur), draft);
    }

    [Fact]
    public void AnAlternativeThatMakesTheTextTooLongSaysSoInTheSameWords()
    {
        dialogue.InPhase(Phase.Drafting);
        var start = new string('x', Limits.ClauseTextLength - 10);
        var longClause = dialogue.Clause(start + " tail");
        var bracketed = start + " [tail | a much longer ending]";

        var error = dialogue.Refused(new AddAlternative(longClause, 1, null, "tail", "a much longer ending"), rapporteur);

        Assert.Equal(Committed(rapporteur, bracketed), error);
        Assert.Equal(Draft(rapporteur, bracketed), error);
    }
}
