using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>The dialogue's glossary: pinning terms, and flagging a translation that renders a pinned term otherwise (hand-worked cases).</summary>
public sealed class GlossaryTests
{
    private const string Chinese = "zh-Hans";
    private static readonly Guid ClauseA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid ClauseB = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static GlossaryTerm Term(string zh, string en, Guid? clause = null, string? note = null) =>
        new(Guid.NewGuid(), ImmutableDictionary<string, string>.Empty.Add(Chinese, zh).Add("en", en), note, clause);

    private static readonly GlossaryTerm SafetyInA = Term("安全", "safety", ClauseA, "Technical safety of the system itself.");
    private static readonly GlossaryTerm SecurityElsewhere = Term("安全", "security", note: "National and international security.");
    private static readonly GlossaryTerm RedLine = Term("红线", "red line");
    private static readonly GlossaryTerm[] Terms = [SafetyInA, SecurityElsewhere, RedLine];

    [Fact]
    public void ATermInTheSourceWhoseAgreedRenderingIsAbsentFromTheTranslationIsFlagged()
    {
        var flags = Glossary.Flags(Terms, ClauseB, Chinese, "人工智能安全的红线", "en", "Red lines for AI safety");

        var flag = Assert.Single(flags);
        Assert.Equal((SecurityElsewhere.TermId, "安全", "security"), (flag.TermId, flag.SourceTerm, flag.AgreedRendering));
    }

    [Fact]
    public void AClausesOwnTermOverridesTheDialogueWideOne()
    {
        Assert.Empty(Glossary.Flags(Terms, ClauseA, Chinese, "人工智能安全的红线", "en", "Red lines for AI safety"));
        var flag = Assert.Single(Glossary.Flags(Terms, ClauseA, Chinese, "人工智能安全", "en", "AI security"));
        Assert.Equal("safety", flag.AgreedRendering);
    }

    [Fact]
    public void NothingIsFlaggedWhenTheSourceDoesNotHoldTheTermOrTheRenderingIsThere()
    {
        Assert.Empty(Glossary.Flags(Terms, ClauseB, Chinese, "全球公共产品", "en", "Global public goods"));
        Assert.Empty(Glossary.Flags(Terms, ClauseB, Chinese, "国际安全", "en", "International Security"));
    }

    [Fact]
    public void FlagsWorkFromEnglishIntoChineseToo()
    {
        var flag = Assert.Single(Glossary.Flags(Terms, ClauseB, "en", "Crossing a red line", Chinese, "越过底线"));
        Assert.Equal(("red line", "红线"), (flag.SourceTerm, flag.AgreedRendering));
    }

    [Fact]
    public void MatchesFindEachPinnedTermInOrderForHighlighting()
    {
        var matches = Glossary.Matches(Terms, ClauseB, Chinese, "红线与安全，安全与红线");
        Assert.Equal([(0, 2, "红线"), (3, 2, "安全"), (6, 2, "安全"), (9, 2, "红线")],
            matches.Select(m => (m.Start, m.Length, m.Term.Renderings[Chinese])));
        Assert.All(matches.Where(m => m.Term.Renderings[Chinese] == "安全"), m => Assert.Equal(SecurityElsewhere, m.Term));
    }

    [Fact]
    public void DraftersPinAndUnpinTerms()
    {
        var dialogue = new DialogueBuilder(languages: ["en", Chinese]);
        var rapporteur = dialogue.AddMember(Role.Rapporteur);

        dialogue.Must(new PinGlossaryTerm(RedLine with { Note = "  A limit nobody crosses. " }), rapporteur);
        Assert.Equal("A limit nobody crosses.", dialogue.Dialogue.Glossary[RedLine.TermId].Note);

        dialogue.Must(new UnpinGlossaryTerm(RedLine.TermId), rapporteur);
        Assert.Empty(dialogue.Dialogue.Glossary);
        Assert.Equal("glossary.term-not-found", dialogue.Refused(new UnpinGlossaryTerm(RedLine.TermId), rapporteur).Rule);
    }

    [Fact]
    public void BadTermsAreRefused()
    {
        var dialogue = new DialogueBuilder(languages: ["en", Chinese]);
        var delegate_ = dialogue.AddMember();
        var oneLanguage = RedLine with { Renderings = ImmutableDictionary<string, string>.Empty.Add("en", "red line") };
        var french = RedLine with { Renderings = RedLine.Renderings.Add("fr", "ligne rouge") };

        Assert.Equal("role.not-translator", dialogue.Refused(new PinGlossaryTerm(RedLine), delegate_).Rule);
        Assert.Equal("glossary.renderings-required", dialogue.Refused(new PinGlossaryTerm(oneLanguage), dialogue.Facilitator).Rule);
        Assert.Equal("glossary.unknown-language", dialogue.Refused(new PinGlossaryTerm(french), dialogue.Facilitator).Rule);
        Assert.Equal("glossary.term-id-required", dialogue.Refused(new PinGlossaryTerm(RedLine with { TermId = Guid.Empty }), dialogue.Facilitator).Rule);
    }
}
