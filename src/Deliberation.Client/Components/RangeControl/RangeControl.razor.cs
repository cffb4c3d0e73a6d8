using System.Globalization;
using Deliberation.Domain.Statements;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>An interval of a funding floor's parameter a delegate can accept.</summary>
public sealed record RangeChoice(double Low, double High);

/// <summary>
/// Low and high of a funding floor, each as a number field and a slider on the parameter's grid
/// (0–100 in steps of 0.5 by default). A low above the high is flagged and cannot be sent.
/// </summary>
public sealed partial class RangeControl
{
    private double low;
    private double high;
    private StatedRange? shownFor;
    private bool initialised;

    [Parameter]
    public NumericParameter? Parameter { get; set; }

    [Parameter]
    public StatedRange? Current { get; set; }

    [Parameter]
    public bool IsStale { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter, EditorRequired]
    public EventCallback<RangeChoice> OnSubmit { get; set; }

    private double Min => Parameter?.Min ?? 0;

    private double Max => Parameter?.Max ?? 100;

    private double Step => Parameter?.Step ?? 0.5;

    private string Unit => Parameter?.Unit ?? "%";

    internal double Low => low;

    internal double High => high;

    /// <summary>Why the range cannot be sent as it stands, or null.</summary>
    internal string? Error =>
        low > high ? Resources.Console.Format("RangeReversed", Presentation.Number(low), Presentation.Number(high))
        : null;

    protected override void OnParametersSet()
    {
        if (!initialised || !Equals(Current, shownFor))
        {
            initialised = true;
            shownFor = Current;
            low = Current?.Low ?? Min;
            high = Current?.High ?? Max;
        }
    }

    private void SetLow(object? value)
    {
        if (Parse(value) is { } v)
            low = v;
    }

    private void SetHigh(object? value)
    {
        if (Parse(value) is { } v)
            high = v;
    }

    /// <summary>A typed number, kept within the parameter's bounds and snapped to its grid.</summary>
    private double? Parse(object? value)
    {
        if (!double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            return null;
        var snapped = Min + Math.Round((Math.Clamp(v, Min, Max) - Min) / Step) * Step;
        return Math.Round(Math.Clamp(snapped, Min, Max), 10);
    }

    private Task SubmitAsync() => Error is null ? OnSubmit.InvokeAsync(new RangeChoice(low, high)) : Task.CompletedTask;
}
