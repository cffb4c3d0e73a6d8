using System.Globalization;
using Deliberation.Contracts.Review;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// A funding floor's zone of agreement at each moment it moved, one row per moment on a shared value
/// axis, so a reader sees it widen, narrow or vanish. (The room's FundingChart draws support curves
/// at one moment; the story has only the zones, so it gets its own small chart.)
/// </summary>
public sealed partial class FundingZoneOverTime
{
    private const double Width = 640;
    private const double Left = 110;
    private const double Right = 8;
    private const double Top = 4;
    private const double RowHeight = 20;
    private const double Bottom = 18;

    private double min;
    private double max;

    [Parameter, EditorRequired]
    public IReadOnlyList<FundingZonePoint> Points { get; set; } = [];

    protected override void OnParametersSet()
    {
        var bounds = Points.SelectMany(p => p.Zone.IsDefaultOrEmpty ? [] : p.Zone.SelectMany(z => new[] { z.From, z.To })).ToList();
        min = bounds.Count == 0 ? 0 : bounds.Min();
        max = bounds.Count == 0 ? 1 : bounds.Max();
    }

    private double X(double value) => Left + (max <= min ? 0 : (value - min) / (max - min) * (Width - Left - Right));

    private static double HeightOf(int rowCount) => Top + rowCount * RowHeight + Bottom;

    private string Summary => L["ZoneSummary", Points.Count, Points.Count == 0 ? L["NoZone"] : ZoneText(Points[^1])];

    private string ZoneText(FundingZonePoint point) => point.Zone.IsDefaultOrEmpty
        ? L["NoZone"]
        : string.Join(L["ZoneSeparator"].Value, point.Zone.Select(z => $"{Presentation.Number(z.From)}–{Presentation.Number(z.To)}"))
          + (point.BestValue is { } best ? L["BestValue", Presentation.Number(best)] : "");


    private static RenderFragment SvgText(double x, double y, string anchor, string cssClass, string content) => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "x", F(x));
        builder.AddAttribute(3, "y", F(y));
        builder.AddAttribute(4, "text-anchor", anchor);
        builder.AddContent(5, content);
        builder.CloseElement();
    };

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
