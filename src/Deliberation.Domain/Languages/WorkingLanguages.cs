using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Languages;

/// <summary>
/// A dialogue's working languages read from its settings: the first is the source language the
/// clauses are drafted in, the others are translated into (docs/domain.md, "Languages").
/// </summary>
public sealed record WorkingLanguages(string Source, ImmutableArray<string> Translated, Authenticity Authenticity)
{
    public static WorkingLanguages Of(DialogueSettings settings)
    {
        var all = settings.Languages.IsDefaultOrEmpty ? ["en"] : settings.Languages;
        return new(all[0], [.. all.Skip(1)], settings.Authenticity);
    }

    public ImmutableArray<string> All => [Source, .. Translated];

    /// <summary>The languages whose text is frozen and signed; the source always is.</summary>
    public ImmutableArray<string> Authentic => Authenticity == Authenticity.EquallyAuthentic ? All : [Source];

    /// <summary>The translated languages that must be current before the text is frozen.</summary>
    public IEnumerable<string> AuthenticTranslations => Authentic.Skip(1);

    public bool IsWorking(string language) => All.Contains(language);

    /// <summary>
    /// Once a clause is translated, the languages in use stay where they are: the source stays the
    /// source (every translation is bound to its revisions) and no translated language is dropped
    /// or moved, else a stored translation would lose its language or translate from the wrong text.
    /// Languages may still be added after them; authenticity may still change. Null when
    /// <paramref name="next"/> keeps them.
    /// </summary>
    public RuleError? FixedBy(WorkingLanguages next)
    {
        var now = All;
        var then = next.All;
        if (then.Length >= now.Length && then.Take(now.Length).SequenceEqual(now))
            return null;
        return RuleError.Conflict("dialogue.source-language-fixed",
            $"Clauses are already translated, so the working languages {string.Join(", ", now)} stay in this order with {Source} as the source; add a language after them instead of reordering or removing one.");
    }
}
