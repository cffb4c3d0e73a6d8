using System.Collections.Immutable;
using Deliberation.Client.Api;
using Deliberation.Client.Localization;
using Deliberation.Client.Resources;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Languages;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// The dialogue's glossary on the setup page (docs/domain.md, "Glossary"): each pinned term with its
/// agreed rendering per working language and its note; pin a new one, change or unpin one. The form
/// says what the domain would refuse (a rendering in fewer than two languages, an over-long note)
/// before sending, and shows the domain's own message, in the reader's language, if it still refuses.
/// </summary>
public sealed partial class GlossaryEditor
{
    private GlossaryTerm? editing;
    private readonly Dictionary<string, string> renderings = [];
    private string note = "";
    private string? error;
    private bool sending;

    [Inject]
    private DeliberationApi Api { get; set; } = null!;

    [Parameter, EditorRequired]
    public Guid DialogueId { get; set; }

    [Parameter, EditorRequired]
    public DialogueView Dialogue { get; set; } = null!;

    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Called after every accepted change, so the page shows the glossary as it now is.</summary>
    [Parameter]
    public EventCallback OnChanged { get; set; }

    private WorkingLanguages Languages => WorkingLanguages.Of(Dialogue.Settings);

    private IReadOnlyList<GlossaryTerm> Terms => Dialogue.Glossary.IsDefault ? [] : Dialogue.Glossary;

    /// <summary>A term named by its source-language rendering (else its first), for buttons' labels.</summary>
    private string NameOf(GlossaryTerm term) =>
        term.Renderings.GetValueOrDefault(Languages.Source) ?? term.Renderings.Values.FirstOrDefault() ?? "";

    /// <summary>Why the form cannot be sent as filled in, in the reader's words; null when it can.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string> renderings, string note)
    {
        if (renderings.Values.Count(r => !string.IsNullOrWhiteSpace(r)) < 2)
            return Setup.Get("TwoRenderingsNeeded");
        if (renderings.Values.Any(r => TextLengthCounter.IsOver(r.Trim(), Limits.ShortTextLength)))
            return Setup.Format("RenderingTooLong", Limits.ShortTextLength);
        return TextLengthCounter.IsOver(note.Trim(), Limits.NoteLength) ? Setup.Format("NoteTooLong", Limits.NoteLength) : null;
    }

    private void Edit(GlossaryTerm term)
    {
        editing = term;
        renderings.Clear();
        foreach (var (language, rendering) in term.Renderings)
            renderings[language] = rendering;
        note = term.Note ?? "";
        error = null;
    }

    private void Clear()
    {
        editing = null;
        renderings.Clear();
        note = "";
        error = null;
    }

    private async Task PinAsync()
    {
        error = Problem(renderings, note);
        if (error is not null)
            return;
        var filled = renderings.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToImmutableDictionary(r => r.Key, r => r.Value.Trim());
        // Changing a term keeps its id and the clause it was pinned for; a new one is for the whole dialogue.
        var term = new GlossaryTerm(editing?.TermId ?? Guid.NewGuid(), filled, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), editing?.ClauseId);
        if (await SendAsync(new PinGlossaryTerm(term)))
            Clear();
    }

    private async Task UnpinAsync(GlossaryTerm term)
    {
        if (await SendAsync(new UnpinGlossaryTerm(term.TermId)) && editing?.TermId == term.TermId)
            Clear();
    }

    /// <summary>Sends a change; a refusal is shown beside the form with the domain's message.</summary>
    private async Task<bool> SendAsync(DialogueCommand command)
    {
        sending = true;
        var result = await Api.SendDialogueCommandAsync(DialogueId, command);
        sending = false;
        if (!result.Ok)
        {
            error = result.Problem?.Localized() ?? Setup.Get("GlossaryNotChanged");
            return false;
        }
        error = null;
        await OnChanged.InvokeAsync();
        return true;
    }
}
