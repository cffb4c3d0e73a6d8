using Deliberation.Contracts.Views;
using Deliberation.Domain.Languages;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A translation of the clause's current revision, or of one of its options.</summary>
public sealed record TranslationDraft(Guid ClauseId, string? OptionId, string Language, int SourceRevision, string Text);

/// <summary>
/// The drafters' translate box: one per translated language, filled with the latest translation,
/// flagging as she types a pinned term her translation renders otherwise (docs/domain.md, "Glossary").
/// </summary>
public sealed partial class TranslationEditor
{
    private readonly Dictionary<string, string> drafts = [];
    private (Guid Clause, int Revision, string Versions)? shown;

    [Parameter, EditorRequired]
    public ClauseView Clause { get; set; } = null!;

    [Parameter, EditorRequired]
    public WorkingLanguages Languages { get; set; } = null!;

    [Parameter]
    public IReadOnlyList<GlossaryTerm>? Glossary { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<TranslationDraft> OnTranslate { get; set; }

    protected override void OnParametersSet()
    {
        // Refill from the latest translations when the clause, its revision or a translation changed, not on every render.
        var versions = string.Join(",", Clause.Translations.OrderBy(t => t.Key).Select(t => $"{t.Key}:{t.Value.Number}"))
            + "|" + string.Join(",", Clause.OptionTranslations.SelectMany(o => o.Value.Select(t => $"{o.Key}.{t.Key}:{t.Value.Number}")));
        var now = (Clause.Id, Clause.Revision, versions);
        if (shown == now)
            return;
        shown = now;
        drafts.Clear();
        foreach (var (language, translation) in Clause.Translations)
            drafts[language] = translation.Text;
        foreach (var (optionId, byLanguage) in Clause.OptionTranslations)
            foreach (var (language, translation) in byLanguage)
                drafts[OptionKey(optionId, language)] = translation.Text;
    }

    /// <summary>The pinned terms a draft renders otherwise, for the rapporteur to look at as she types.</summary>
    private IReadOnlyList<GlossaryFlag> FlagsOf(string language, string draft) =>
        Glossary is { Count: > 0 } terms && draft.Length > 0
            ? Domain.Languages.Glossary.Flags(terms, Clause.Id, Languages.Source, Clause.Text, language, draft)
            : [];

    private static string OptionKey(string optionId, string language) => $"{optionId}/{language}";

    private Task SaveAsync(string language) =>
        OnTranslate.InvokeAsync(new TranslationDraft(Clause.Id, null, language, Clause.Revision, drafts.GetValueOrDefault(language) ?? ""));

    private Task SaveOptionAsync(string optionId, string language) =>
        OnTranslate.InvokeAsync(new TranslationDraft(Clause.Id, optionId, language, Clause.Revision, drafts.GetValueOrDefault(OptionKey(optionId, language)) ?? ""));
}
