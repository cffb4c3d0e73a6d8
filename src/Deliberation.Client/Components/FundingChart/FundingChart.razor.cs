using System.Globalization;
using System.Text;
using Deliberation.Domain.Consensus;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Components;

/// <summary>
/// Each group's share of support across a funding floor's values, from the server's curves, with
/// the zone of agreement shaded and the threshold and best value marked. Drawn as SVG: no script.
/// </summary>
public sealed partial class FundingChart
{
    private const double Width = 640;
    private const double Height = 270;
    private const double Left = 44;
    private const double Right = 12;
    private const double Top = 10;
    private const double Bottom = 42;
    private const double PlotWidth = Width - Left - Right;
    private const double PlotHeight = Height - Top - Bottom;

    private List<string> dimensions = [];
    private string? shownDimension;

    [Parameter, EditorRequired]
    public FundingFloorAgreement? Agreement { get; set; }

    /// <summary>The share a group needs (the rule's threshold), drawn as a dashed line.</summary>
    [Parameter]
    public double Threshold { get; set; } = 2.0 / 3.0;

    [Parameter]
    public bool Large { get; set; }

    protected override void OnParametersSet()
    {
        dimensions = Agreement?.Curves.Select(c => c.Dimension).Distinct().ToList() ?? [];
        if (shownDimension is null || !dimensions.Contains(shownDimension))
            shownDimension = dimensions.FirstOrDefault();
    }

    private IEnumerable<GroupCurve> ShownCurves => Agreement?.Curves.Where(c => c.Dimension == shownDimension) ?? [];

    private string Summary => Agreement is null ? "" :
        Resources.Console.Format("SupportByGroup", Agreement.Parameter) + (Agreement.Zone.IsDefaultOrEmpty
            ? Resources.Console.Get("NoZone")
            : Resources.Console.Format("ZoneSummary", string.Join(", ", Agreement.Zone.Select(z => Resources.Console.Format("FromTo", Presentation.Number(z.From), Presentation.Number(z.To))))))
        + (Agreement.BestValue is null ? Resources.Console.Get("NoBestValueSentence") : "");

    private double X(double value)
    {
        var span = Agreement!.Max - Agreement.Min;
        return Left + (span <= 0 ? 0 : (value - Agreement.Min) / span * PlotWidth);
    }

    private static double Y(double share) => Top + (1 - Math.Clamp(share, 0, 1)) * PlotHeight;

    private IEnumerable<double> XTicks
    {
        get
        {
            var span = Agreement!.Max - Agreement.Min;
            var step = span / 10;
            return Enumerable.Range(0, 11).Select(i => Math.Round(Agreement.Min + i * step, 6));
        }
    }

    /// <summary>The curve as a path; values where nobody in the group stated a range break the line.</summary>
    private string PathOf(GroupCurve curve)
    {
        var path = new StringBuilder();
        var pen = false;
        var shares = curve.Shares;
        for (var i = 0; i < shares.Length; i++)
        {
            if (shares[i] is not { } share)
            {
                pen = false;
                continue;
            }
            var value = Agreement!.Min + i * Agreement.Step;
            path.Append(pen ? " L" : " M").Append(F(X(value))).Append(',').Append(F(Y(share)));
            pen = true;
        }
        return path.ToString().Trim();
    }

    /// <summary>An SVG text element (Razor reserves the &lt;text&gt; tag); its content is text, never markup.</summary>
    private static RenderFragment SvgText(double x, double y, string anchor, string cssClass, string content, string? testId = null) => builder =>
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "x", F(x));
        builder.AddAttribute(3, "y", F(y));
        builder.AddAttribute(4, "text-anchor", anchor);
        if (testId is not null)
            builder.AddAttribute(5, "data-testid", testId);
        builder.AddContent(6, content);
        builder.CloseElement();
    };

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
