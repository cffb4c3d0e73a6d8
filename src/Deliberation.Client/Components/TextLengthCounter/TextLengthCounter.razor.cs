using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// "n / limit" under a text box, and why the form refuses when the text is too long. The boxes carry no
/// maxlength: a browser cuts pasted text silently at maxlength, and a clause losing its end unseen is worse
/// than a refusal the author can act on (the domain refuses over-long text in Decide anyway, see Limits).
/// </summary>
public sealed partial class TextLengthCounter
{
    [Parameter, EditorRequired]
    public string? Text { get; set; }

    [Parameter]
    public int Limit { get; set; } = Deliberation.Domain.Limits.ClauseTextLength;

    [Parameter]
    public string TestId { get; set; } = "length-counter";

    private int Length => Text?.Length ?? 0;

    /// <summary>Whether a form must refuse this text; the forms disable their commit button with it.</summary>
    public static bool IsOver(string? text, int limit = Deliberation.Domain.Limits.ClauseTextLength) => (text?.Length ?? 0) > limit;
}
