using Deliberation.Client.Resources;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Clause text with its bracketed alternatives set apart, each option labelled with its id (e.g. 1.2) by CSS, so the text content stays the clause text.
/// Pinned glossary terms are marked, with their agreed renderings in the title (docs/domain.md, "Glossary").
/// </summary>
public sealed partial class ClauseText
{
    private IReadOnlyList<TextPart> parts = [];

    [Parameter, EditorRequired]
    public string Text { get; set; } = "";

    [Parameter]
    public bool Large { get; set; }

    /// <summary>The language of the text (its <c>lang</c>), which decides which glossary renderings are looked for; null: not marked.</summary>
    [Parameter]
    public string? Language { get; set; }

    [Parameter]
    public IReadOnlyList<GlossaryTerm>? Glossary { get; set; }

    [Parameter]
    public Guid ClauseId { get; set; }

    [Parameter]
    public string TestId { get; set; } = "clause-text";

    protected override void OnParametersSet() => parts = BracketedText.Parse(Text ?? "").Parts;

    private IEnumerable<(string Text, GlossaryTerm? Term)> Highlighted(string text)
    {
        if (Language is null || Glossary is not { Count: > 0 } terms)
        {
            yield return (text, null);
            yield break;
        }
        var at = 0;
        foreach (var match in Domain.Languages.Glossary.Matches(terms, ClauseId, Language, text))
        {
            if (match.Start > at)
                yield return (text[at..match.Start], null);
            yield return (text.Substring(match.Start, match.Length), match.Term);
            at = match.Start + match.Length;
        }
        if (at < text.Length)
            yield return (text[at..], null);
    }

    private static string GlossaryTitle(GlossaryTerm term) =>
        Labels.Get("GlossaryPrefix") + string.Join(" = ", term.Renderings.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value))
        + (term.Note is { } note ? $" ({note})" : "");
}
