using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>Freezing a text authentic in two languages: every authentic text current, and both in the signed hash.</summary>
public sealed class BilingualFreezingTests
{
    private const string Chinese = "zh-Hans";
    private const string GoodEn = "AI safety is a global public good.";
    private const string GoodZh = "人工智能安全是全球公共产品。";
    private const string RedLineEn = "No AI system should copy itself without human approval.";
    private const string RedLineZh = "任何人工智能系统都不应在未经人类批准的情况下自我复制。";

    private static DialogueBuilder Bilingual(Authenticity authenticity, out Guid good, out Guid redLine)
    {
        var dialogue = new DialogueBuilder(statementTitle: "IDAIS-Beijing", languages: ["en", Chinese], authenticity: authenticity);
        good = dialogue.Clause(GoodEn, ClauseKind.Preamble);
        redLine = dialogue.Clause(RedLineEn, ClauseKind.RedLine);
        return dialogue;
    }

    [Fact]
    public void FreezingIsRefusedWhileAnAuthenticTranslationIsMissing()
    {
        var dialogue = Bilingual(Authenticity.EquallyAuthentic, out var good, out _);
        dialogue.Translate(good, Chinese, GoodZh);
        dialogue.InPhase(Phase.FinalReading);

        var error = dialogue.Refused(dialogue.Freeze(), dialogue.Facilitator);

        Assert.Equal(("freeze.stale-translation", ErrorKind.Conflict), (error.Rule, error.Kind));
        Assert.Contains("clause 2", error.Message);
        Assert.Null(dialogue.Statement.Frozen);
    }

    [Fact]
    public void FreezingIsRefusedWhileAnAuthenticTranslationIsStaleButNotWhileItIsForReview()
    {
        var dialogue = Bilingual(Authenticity.EquallyAuthentic, out var good, out var redLine);
        dialogue.InPhase(Phase.Drafting);
        dialogue.Translate(good, Chinese, GoodZh);
        dialogue.Translate(redLine, Chinese, RedLineZh);
        dialogue.Revise(redLine, "No AI system should copy or improve itself without human approval.", RevisionKind.Substantive);
        dialogue.Revise(good, "AI safety is a global public good!", RevisionKind.Editorial);
        dialogue.InPhase(Phase.FinalReading);

        Assert.Equal("freeze.stale-translation", dialogue.Refused(dialogue.Freeze(), dialogue.Facilitator).Rule);

        dialogue.Translate(redLine, Chinese, "任何人工智能系统都不应在未经人类批准的情况下自我复制或自我改进。");
        Assert.IsType<StatementFrozen>(Assert.Single(dialogue.Must(dialogue.Freeze(), dialogue.Facilitator)));
    }

    [Fact]
    public void WithOneAuthoritativeLanguageAMissingTranslationDoesNotHoldUpFreezingAndTheTextIsTheSingleLanguageOne()
    {
        var dialogue = Bilingual(Authenticity.SourceAuthoritative, out var good, out _);
        dialogue.Translate(good, Chinese, GoodZh);
        dialogue.InPhase(Phase.FinalReading);
        var heads = dialogue.Heads();

        var frozen = Assert.IsType<StatementFrozen>(Assert.Single(dialogue.Must(dialogue.Freeze(), dialogue.Facilitator)));

        Assert.Equal(CanonicalText.Of(dialogue.Statement, heads), frozen.CanonicalText);
        Assert.DoesNotContain(GoodZh, frozen.CanonicalText);
        Assert.DoesNotContain(CanonicalText.LanguagePrefix, frozen.CanonicalText);
    }

    [Fact]
    public void TheCanonicalTextOfTwoAuthenticLanguagesHoldsBothAndTheHashCoversBoth()
    {
        var dialogue = Bilingual(Authenticity.EquallyAuthentic, out var good, out var redLine);
        dialogue.Translate(good, Chinese, GoodZh);
        dialogue.Translate(redLine, Chinese, RedLineZh);
        dialogue.InPhase(Phase.FinalReading);
        var heads = dialogue.Heads();

        var frozen = Assert.IsType<StatementFrozen>(Assert.Single(dialogue.Must(dialogue.Freeze(), dialogue.Facilitator)));

        // Worked by hand: the title, then a "Language:" block per authentic language, source first, then the history block.
        var expected = "IDAIS-Beijing"
            + $"\n\nLanguage: en\n\n1. {GoodEn}\n\n2. {RedLineEn}"
            + $"\n\nLanguage: zh-Hans\n\n1. {GoodZh}\n\n2. {RedLineZh}"
            + $"\n\nHistory\n{heads.Dialogue.ToLine()}\n{heads.Statement.ToLine()}";
        Assert.Equal(expected, frozen.CanonicalText);
        Assert.Equal(CanonicalText.Hash(expected), frozen.Hash);
        Assert.NotEqual(frozen.Hash, CanonicalText.Hash(CanonicalText.Of(dialogue.Statement, heads)));
    }

    [Fact]
    public void ASingleLanguageTextHashesAsItAlwaysDid()
    {
        var dialogue = new DialogueBuilder(statementTitle: "One language");
        dialogue.Clause(GoodEn);
        var heads = dialogue.Heads();

        Assert.Equal($"One language\n\n1. {GoodEn}\n\nHistory\n{heads.Dialogue.ToLine()}\n{heads.Statement.ToLine()}",
            CanonicalText.Of(dialogue.Statement, heads, dialogue.Dialogue.Languages.Authentic));
    }
}
