using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>A position chosen in the panel, with the reservation note typed beside it.</summary>
public sealed record PositionChoice(PositionKind Kind, string? Note);

/// <summary>
/// The five positions as buttons, the viewer's current one marked, an optional reservation note,
/// and — when the text changed under her position — a clear prompt to reconfirm.
/// </summary>
public sealed partial class PositionPanel
{
    private readonly string id = Guid.NewGuid().ToString("N")[..8];
    private string? note;
    private Position? shownFor;

    [Parameter]
    public Position? Current { get; set; }

    /// <summary>The position was given on an earlier substantive revision: kept, no longer counted.</summary>
    [Parameter]
    public bool IsStale { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public string? DisabledReason { get; set; }

    /// <summary>What the position is on, when not the whole clause (a bracket option).</summary>
    [Parameter]
    public string? Subject { get; set; }

    /// <summary>Buttons only, smaller: for bracket options.</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>Prefix of the buttons' test ids: <c>position-Support</c> by default.</summary>
    [Parameter]
    public string TestIdPrefix { get; set; } = "position";

    [Parameter, EditorRequired]
    public EventCallback<PositionChoice> OnChoose { get; set; }

    private string StaleTestId => TestIdPrefix == "position" ? "reconfirm" : $"{TestIdPrefix}-reconfirm";

    protected override void OnParametersSet()
    {
        // A new position from the server brings its note into the box; typing is kept otherwise.
        if (!Equals(Current, shownFor))
        {
            shownFor = Current;
            note = Current?.Note;
        }
    }

    private Task ChooseAsync(PositionKind kind) =>
        OnChoose.InvokeAsync(new PositionChoice(kind, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));

    private Task ReconfirmAsync() => Current is null ? Task.CompletedTask : ChooseAsync(Current.Kind);
}
