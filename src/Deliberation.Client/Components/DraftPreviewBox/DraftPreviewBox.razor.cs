using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A drafter's text as she types it, shown against the committed text and marked as not yet committed.</summary>
public sealed partial class DraftPreviewBox
{
    [Parameter, EditorRequired]
    public DraftPreviewView? Preview { get; set; }

    [Parameter, EditorRequired]
    public string CurrentText { get; set; } = "";

    [Parameter]
    public string? AuthorName { get; set; }
}
