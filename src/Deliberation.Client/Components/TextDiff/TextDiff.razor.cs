using Deliberation.Contracts.Review;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Two texts as one, word by word: removed words struck through, added ones underlined.</summary>
public sealed partial class TextDiff
{
    private IReadOnlyList<TextSegment> segments = [];

    [Parameter, EditorRequired]
    public string Old { get; set; } = "";

    [Parameter, EditorRequired]
    public string New { get; set; } = "";

    protected override void OnParametersSet() => segments = WordDiff.Segments(Old ?? "", New ?? "");
}
