using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>Clause text with its bracketed alternatives set apart, each option labelled with its id (e.g. 1.2) by CSS, so the text content stays the clause text.</summary>
public sealed partial class ClauseText
{
    private IReadOnlyList<TextPart> parts = [];

    [Parameter, EditorRequired]
    public string Text { get; set; } = "";

    [Parameter]
    public bool Large { get; set; }

    protected override void OnParametersSet() => parts = BracketedText.Parse(Text ?? "").Parts;
}
