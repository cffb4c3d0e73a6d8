using System.Collections.Immutable;

namespace Deliberation.Domain.Languages;

/// <summary>
/// What a dialogue's glossary says of one text and its translation (docs/domain.md, "Glossary").
/// Matching is by ordinal, case-insensitive containment: Chinese has no word breaks to match on, and
/// an agreed English rendering is checked as written, so "safety" is found in "AI safety research".
/// </summary>
public static class Glossary
{
    /// <summary>
    /// The terms that apply in <paramref name="clauseId"/> between two languages: those naming both,
    /// a clause's own term overriding a dialogue-wide one of the same source rendering.
    /// </summary>
    public static IEnumerable<GlossaryTerm> Applicable(IEnumerable<GlossaryTerm> terms, Guid clauseId, string sourceLanguage, string language) =>
        InClause(terms, clauseId).Where(t => t.Renderings.ContainsKey(sourceLanguage) && t.Renderings.ContainsKey(language));

    /// <summary>
    /// The terms in force in a clause: its own, and the dialogue-wide ones that share no rendering
    /// with one of its own (a clause's 安全 → "safety" silences the general 安全 → "security" there).
    /// </summary>
    public static IEnumerable<GlossaryTerm> InClause(IEnumerable<GlossaryTerm> terms, Guid clauseId)
    {
        var all = terms.ToList();
        var own = all.Where(t => t.ClauseId == clauseId).ToList();
        var ownRenderings = own.SelectMany(t => t.Renderings.Values).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return own.Concat(all.Where(t => t.ClauseId is null && !t.Renderings.Values.Any(ownRenderings.Contains)));
    }

    /// <summary>
    /// The pinned terms the source text holds whose agreed rendering the translation lacks. A flag is
    /// for the rapporteur to look at, not a refusal: a sentence may say the same thing otherwise.
    /// </summary>
    public static ImmutableArray<GlossaryFlag> Flags(IEnumerable<GlossaryTerm> terms, Guid clauseId, string sourceLanguage, string sourceText, string language, string translation) =>
    [
        .. Applicable(terms, clauseId, sourceLanguage, language)
            .Where(t => Contains(sourceText, t.Renderings[sourceLanguage]) && !Contains(translation, t.Renderings[language]))
            .Select(t => new GlossaryFlag(t.TermId, t.Renderings[sourceLanguage], t.Renderings[language], t.Note)),
    ];

    /// <summary>The pinned terms found in a text of <paramref name="language"/>, for highlighting: each with where it starts and how long it is.</summary>
    public static ImmutableArray<GlossaryMatch> Matches(IEnumerable<GlossaryTerm> terms, Guid clauseId, string language, string text)
    {
        var matches = new List<GlossaryMatch>();
        foreach (var term in InClause(terms, clauseId))
        {
            if (!term.Renderings.TryGetValue(language, out var rendering) || rendering.Length == 0)
                continue;
            for (var at = text.IndexOf(rendering, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(rendering, at + rendering.Length, StringComparison.OrdinalIgnoreCase))
                matches.Add(new GlossaryMatch(at, rendering.Length, term));
        }
        // Overlaps keep the earlier (then longer) match, so a highlighted text reads in order.
        var kept = new List<GlossaryMatch>();
        foreach (var m in matches.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
            if (kept.Count == 0 || m.Start >= kept[^1].Start + kept[^1].Length)
                kept.Add(m);
        return [.. kept];
    }

    private static bool Contains(string text, string term) => text.Contains(term, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A pinned term found in a text at <see cref="Start"/>, <see cref="Length"/> characters long.</summary>
public sealed record GlossaryMatch(int Start, int Length, GlossaryTerm Term);
