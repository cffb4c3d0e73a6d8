using System.Collections.Immutable;
using Deliberation.Domain.Languages;

namespace Deliberation.Domain.Dialogues;

/// <summary>The glossary's rules (docs/domain.md, "Glossary"): the drafters, who translate, pin the terms they agree.</summary>
public static partial class Dialogue
{
    private static RuleError? Drafter(Member member) => member.Role.Drafts()
        ? null : RuleError.Forbidden("role.not-translator", "Only the rapporteur, facilitator or convener may translate or keep the glossary.");

    private static Decision<DialogueEvent> DecidePinGlossaryTerm(DialogueState state, PinGlossaryTerm c)
    {
        var term = c.Term;
        if (term is null || term.TermId == Guid.Empty)
            return RuleError.Invalid("glossary.term-id-required", "A glossary term needs an id.");
        if (!state.Glossary.ContainsKey(term.TermId) && state.Glossary.Count >= Limits.GlossaryTerms)
            return RuleError.Invalid("glossary.too-many", $"A glossary holds at most {Limits.GlossaryTerms} terms.");
        var renderings = term.Renderings ?? ImmutableDictionary<string, string>.Empty;
        var languages = state.Languages;
        if (renderings.Keys.FirstOrDefault(l => !languages.IsWorking(l)) is { } unknown)
            return RuleError.Invalid("glossary.unknown-language", $"'{unknown}' is not a working language of this dialogue.");
        // A term agreed in one language only says nothing about how it is translated.
        if (renderings.Count(r => !string.IsNullOrWhiteSpace(r.Value)) < 2)
            return RuleError.Invalid("glossary.renderings-required", "Give the term's agreed rendering in at least two working languages.");
        foreach (var rendering in renderings.Values)
            if (Check.Text(rendering, "rendering", Limits.ShortTextLength) is { } error)
                return error;
        if (Check.Text(term.Note, "note", Limits.NoteLength, required: false) is { } noteError)
            return noteError;
        var cleaned = term with
        {
            Renderings = renderings.ToImmutableDictionary(r => r.Key, r => Check.Clean(r.Value)),
            Note = Check.CleanOptional(term.Note),
        };
        return Decision<DialogueEvent>.Accept(new GlossaryTermPinned(cleaned));
    }
}
