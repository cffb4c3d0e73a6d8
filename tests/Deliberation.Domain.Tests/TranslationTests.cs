using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>Clauses translated per working language, bound to the source revision they translate (docs/domain.md, "Languages").</summary>
public sealed class TranslationTests
{
    private const string Chinese = "zh-Hans";
    private readonly DialogueBuilder dialogue = new(languages: ["en", Chinese], authenticity: Authenticity.EquallyAuthentic);
    private readonly Guid rapporteur;
    private readonly Guid clause;

    public TranslationTests()
    {
        rapporteur = dialogue.AddMember(Role.Rapporteur);
        clause = dialogue.Clause("No AI system should be able to copy itself without explicit human approval.", ClauseKind.RedLine);
    }

    [Fact]
    public void ATranslationIsANumberedRevisionOfItsLanguageBoundToTheSourceRevision()
    {
        dialogue.Must(new TranslateClause(clause, Chinese, 1, "任何人工智能系统都不应能够自我复制。"), rapporteur);
        dialogue.Must(new TranslateClause(clause, Chinese, 1, "任何人工智能系统都不应在未经人类明确批准的情况下自我复制。"), rapporteur);

        var history = dialogue.ClauseOf(clause).Translations[Chinese];
        Assert.Equal([1, 2], history.Select(t => t.Number));
        Assert.All(history, t => Assert.Equal(1, t.SourceRevision));
        Assert.Equal(rapporteur, history[^1].Author);
        Assert.Equal(TranslationStatus.Current, dialogue.ClauseOf(clause).TranslationStatus(Chinese));
    }

    [Fact]
    public void ASubstantiveSourceRevisionMakesTheTranslationStale()
    {
        dialogue.Translate(clause, Chinese, "任何人工智能系统都不应在未经人类明确批准的情况下自我复制。");
        dialogue.Revise(clause, "No AI system should be able to copy or improve itself without explicit human approval.", RevisionKind.Substantive);

        Assert.Equal(TranslationStatus.Stale, dialogue.ClauseOf(clause).TranslationStatus(Chinese));
        // It stays readable, bound to the revision it translated: the diff since is revision 1 → 2.
        Assert.Equal(1, dialogue.ClauseOf(clause).TranslationOrNull(Chinese)?.SourceRevision);
    }

    [Fact]
    public void AnEditorialSourceRevisionOnlyMarksTheTranslationForReview()
    {
        dialogue.Translate(clause, Chinese, "任何人工智能系统都不应在未经人类明确批准的情况下自我复制。");
        dialogue.Revise(clause, "No AI system should be able to copy itself without explicit human approval!", RevisionKind.Editorial);
        Assert.Equal(TranslationStatus.ForReview, dialogue.ClauseOf(clause).TranslationStatus(Chinese));

        // An editorial revision after a substantive one leaves it stale: the substantive change is still untranslated.
        dialogue.Revise(clause, "No AI system should be able to copy or improve itself without explicit human approval!", RevisionKind.Substantive);
        dialogue.Revise(clause, "No AI system should be able to copy or improve itself without explicit human approval.", RevisionKind.Editorial);
        Assert.Equal(TranslationStatus.Stale, dialogue.ClauseOf(clause).TranslationStatus(Chinese));
    }

    [Fact]
    public void ReviewingWithTheSameTextAgainstTheNewRevisionMakesItCurrent()
    {
        const string text = "任何人工智能系统都不应在未经人类明确批准的情况下自我复制。";
        dialogue.Translate(clause, Chinese, text);
        dialogue.Revise(clause, "No AI system should be able to copy itself without explicit human approval!", RevisionKind.Editorial);

        dialogue.Translate(clause, Chinese, text);

        Assert.Equal(TranslationStatus.Current, dialogue.ClauseOf(clause).TranslationStatus(Chinese));
        Assert.Equal("translation.unchanged", dialogue.Refused(new TranslateClause(clause, Chinese, 2, text), rapporteur).Rule);
    }

    [Fact]
    public void AClauseNeverTranslatedIsMissing() =>
        Assert.Equal(TranslationStatus.Missing, dialogue.ClauseOf(clause).TranslationStatus(Chinese));

    [Theory]
    [InlineData("fr", 1, "text", "translation.unknown-language")]
    [InlineData("en", 1, "text", "translation.source-language")]
    [InlineData(Chinese, 1, "  ", "text.required")]
    [InlineData(Chinese, 7, "中文", "revision.unknown")]
    public void BadTranslationsAreRefused(string language, int sourceRevision, string text, string rule) =>
        Assert.Equal(rule, dialogue.Refused(new TranslateClause(clause, language, sourceRevision, text), rapporteur).Rule);

    [Fact]
    public void TranslatingAnOlderSourceRevisionIsRefused()
    {
        dialogue.Revise(clause, "No AI system should be able to copy or improve itself without explicit human approval.", RevisionKind.Substantive);
        var error = dialogue.Refused(new TranslateClause(clause, Chinese, 1, "任何人工智能系统都不应自我复制。"), rapporteur);
        Assert.Equal(("translation.stale-source", ErrorKind.Conflict), (error.Rule, error.Kind));
        Assert.Empty(dialogue.ClauseOf(clause).Translations);
    }

    [Theory]
    [InlineData(Role.Delegate)]
    [InlineData(Role.Observer)]
    public void OnlyDraftersTranslate(Role role)
    {
        var someone = dialogue.AddMember(role);
        var rule = dialogue.Refused(new TranslateClause(clause, Chinese, 1, "中文"), someone).Rule;
        Assert.Equal(role == Role.Observer ? "role.observer" : "role.not-translator", rule);
    }

    [Fact]
    public void OptionsAreTranslatedOneByOne()
    {
        var floor = dialogue.Clause("Spend [at least one third | at least 20%] of AI R&D on safety.");
        var option = dialogue.ClauseOf(floor).Bracketed.Slots.First().Options[1];

        dialogue.Must(new TranslateOption(floor, option.Id, Chinese, 1, "至少20%"), rapporteur);

        Assert.Equal("至少20%", dialogue.ClauseOf(floor).OptionTranslationOrNull(option.Id, Chinese)?.Text);
        Assert.Equal("alternative.not-found", dialogue.Refused(new TranslateOption(floor, "nope", Chinese, 1, "至少"), rapporteur).Rule);
        Assert.Equal("alternative.bad-characters", dialogue.Refused(new TranslateOption(floor, option.Id, Chinese, 1, "至少 | 20%"), rapporteur).Rule);
        Assert.Equal("translation.source-language", dialogue.Refused(new TranslateOption(floor, option.Id, "en", 1, "x"), rapporteur).Rule);
    }

    [Fact]
    public void ATranslationMovesNoPosition()
    {
        var delegate_ = dialogue.AddMember();
        dialogue.InPhase(Phase.Drafting);
        dialogue.Take(delegate_, clause, PositionKind.Support);

        dialogue.Translate(clause, Chinese, "任何人工智能系统都不应在未经人类明确批准的情况下自我复制。");

        var position = dialogue.ClauseOf(clause).Positions[delegate_];
        Assert.True(dialogue.ClauseOf(clause).IsCurrent(position));
        Assert.Null(Statement.ClauseAffectedBy(new ClauseTranslated(clause, Chinese, 1, 1, "中文")));
    }
}
