using Deliberation.Client.Review;
using Deliberation.Contracts.Review;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// A slider over the moments the filter shows, with buttons for the first, previous, next and last.
/// The slider is a native range over the moments' places (step 1), so ← → step to the previous and
/// next moment and Home End jump, as in any browser, and a screen reader announces each moment
/// (aria-valuetext). Its keys are not handled here as well: Blazor re-renders inside the keydown,
/// before the browser's own step, and the two would move two moments.
/// </summary>
public sealed partial class MomentScrubber
{
    [Parameter, EditorRequired]
    public IReadOnlyList<ReviewMoment> Moments { get; set; } = [];

    [Parameter]
    public long? Selected { get; set; }

    [Parameter]
    public EventCallback<long> OnSelect { get; set; }

    /// <summary>The selected moment's place among those shown, or -1 when the filter hides it.</summary>
    private int Index => Selected is { } moment ? IndexOf(moment) : -1;

    private int IndexOf(long moment)
    {
        for (var i = 0; i < Moments.Count; i++)
            if (Moments[i].Moment == moment)
                return i;
        return -1;
    }

    private string ValueText => Index >= 0 ? MomentWords.Describe(L, Moments[Index])
 : "";

    private Task GoAsync(int index) =>
        Moments.Count == 0 ? Task.CompletedTask : OnSelect.InvokeAsync(Moments[Math.Clamp(index, 0, Moments.Count - 1)].Moment);

    private Task FirstAsync() => GoAsync(0);

    private Task LastAsync() => GoAsync(Moments.Count - 1);

    /// <summary>With the selected moment filtered out, "previous" is the last shown moment before it.</summary>
    private Task PreviousAsync() => GoAsync(Index >= 0 ? Index - 1 : LastBefore(Selected));

    private Task NextAsync() => GoAsync(Index >= 0 ? Index + 1 : LastBefore(Selected) + 1);

    private int LastBefore(long? moment)
    {
        var last = -1;
        for (var i = 0; i < Moments.Count; i++)
            if (moment is { } m && Moments[i].Moment < m)
                last = i;
        return last;
    }

    private Task OnSlide(ChangeEventArgs e) =>
        int.TryParse(e.Value?.ToString(), out var index) && index != Index ? GoAsync(index) : Task.CompletedTask;
}
