using Microsoft.Extensions.Localization;
using System.Globalization;
using Deliberation.Domain.Dialogues;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>The facilitator's timebox counting down, once a second, from the timer's end time.</summary>
public sealed partial class TimerDisplay : IDisposable
{
    [Inject]
    private IStringLocalizer<Resources.Room> L { get; set; } = null!;

    /// <summary>How long "time is up" stays after the end before the timer disappears.</summary>
    public static readonly TimeSpan ShownPastZero = TimeSpan.FromMinutes(1);

    private readonly RepaintTicker ticker = new(TimeSpan.FromSeconds(1));

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Parameter, EditorRequired]
    public SessionTimer? Timer { get; set; }

    [Parameter]
    public bool Large { get; set; }

    private TimeSpan Remaining => Timer is null ? TimeSpan.Zero : Timer.EndsAt - Time.GetUtcNow();

    private string Text
    {
        get
        {
            var left = Remaining;
            if (left <= TimeSpan.Zero)
                return L["TimeIsUp"];
            var minutes = (int)left.TotalMinutes;
            return minutes.ToString(CultureInfo.InvariantCulture) + ":" + left.Seconds.ToString("00", CultureInfo.InvariantCulture);
        }
    }

    protected override void OnParametersSet()
    {
        if (Timer is not null)
            ticker.EnsureStarted(Time, () => InvokeAsync(StateHasChanged));
    }

    public void Dispose() => ticker.Dispose();
}
