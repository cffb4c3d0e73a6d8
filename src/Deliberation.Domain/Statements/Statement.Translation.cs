using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Statements;

/// <summary>
/// Translating clauses and bracket options (docs/domain.md, "Languages"). A translation changes no
/// source text and moves no position — positions stay on the clause — so it is allowed in every
/// phase until the text is frozen; the drafters translate (there is no translator role).
/// </summary>
public static partial class Statement
{
    private static RuleError? Translator(Member member) => member.Role.Drafts()
        ? null : RuleError.Forbidden("role.not-translator", "Only the rapporteur, facilitator or convener may translate.");

    private static Decision<StatementEvent> DecideTranslateClause(StatementState state, TranslateClause c, DialogueState dialogue)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        var error = TranslationTarget(dialogue, clause, c.Language, c.SourceRevision) ?? ClauseText(c.Text);
        if (error is not null)
            return error;
        var language = Check.Clean(c.Language);
        var text = Check.Clean(c.Text);
        var latest = clause.TranslationOrNull(language);
        if (latest is not null && latest.Text == text && latest.SourceRevision == c.SourceRevision)
            return TranslationUnchanged;
        // The same text against a newer source revision is a review: the translator says it still holds.
        return Decision<StatementEvent>.Accept(new ClauseTranslated(clause.Id, language, (latest?.Number ?? 0) + 1, c.SourceRevision, text));
    }

    private static Decision<StatementEvent> DecideTranslateOption(StatementState state, TranslateOption c, DialogueState dialogue)
    {
        if (state.ClauseOrNull(c.ClauseId) is not { } clause || clause.Withdrawn)
            return ClauseNotFound;
        var error = TranslationTarget(dialogue, clause, c.Language, c.SourceRevision) ?? Check.Text(c.Text, "text", Limits.ShortTextLength);
        if (error is not null)
            return error;
        if (c.OptionId is null || clause.Bracketed.Option(c.OptionId) is null)
            return RuleError.NotFound("alternative.not-found", $"The clause has no option {c.OptionId}.");
        var text = Check.Clean(c.Text);
        if (text.Contains('|') || text.Contains('[') || text.Contains(']'))
            return RuleError.Invalid("alternative.bad-characters", "An option cannot contain '[', ']' or '|'.");
        var language = Check.Clean(c.Language);
        var latest = clause.OptionTranslationOrNull(c.OptionId, language);
        if (latest is not null && latest.Text == text && latest.SourceRevision == c.SourceRevision)
            return TranslationUnchanged;
        return Decision<StatementEvent>.Accept(new OptionTranslated(clause.Id, c.OptionId, language, (latest?.Number ?? 0) + 1, c.SourceRevision, text));
    }

    /// <summary>A translation goes into a working language other than the source, from the source as it reads now.</summary>
    private static RuleError? TranslationTarget(DialogueState dialogue, ClauseState clause, string? language, int sourceRevision)
    {
        if (Check.Text(language, "language", 35) is { } error)
            return error;
        var languages = dialogue.Languages;
        var tag = Check.Clean(language!);
        if (tag == languages.Source)
            return RuleError.Invalid("translation.source-language", $"'{tag}' is the source language: revise the clause instead of translating it.");
        if (!languages.IsWorking(tag))
            return RuleError.Invalid("translation.unknown-language", $"'{tag}' is not a working language of this dialogue ({string.Join(", ", languages.All)}).");
        if (sourceRevision < 1 || sourceRevision > clause.CurrentRevision)
            return RuleError.Invalid("revision.unknown", $"The clause has no revision {sourceRevision}.");
        // Translating an older source would bind the new text to words the room no longer reads.
        return sourceRevision != clause.CurrentRevision
            ? RuleError.Conflict("translation.stale-source", $"The clause is at revision {clause.CurrentRevision}, not {sourceRevision}: translate the current text.")
            : null;
    }

    private static RuleError TranslationUnchanged =>
        RuleError.Invalid("translation.unchanged", "This translation of this source revision is recorded already.");
}
