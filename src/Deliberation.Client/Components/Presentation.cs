using Deliberation.Contracts.Views;
using System.Globalization;
using Deliberation.Domain;
using Deliberation.Client.Resources;
using MudBlazor;

namespace Deliberation.Client.Components;

/// <summary>Words and colours for the domain's values, in one place so every page says the same (words from Labels.resx, in the interface's language).</summary>
public static class Presentation
{
    public static readonly PositionKind[] PositionKinds = [PositionKind.Support, PositionKind.Accept, PositionKind.StandAside, PositionKind.Oppose, PositionKind.Block];

    public static string Label(PositionKind kind) => Labels.Get("Position_" + kind);

    public static string Hint(PositionKind kind) => Labels.Get("PositionHint_" + kind);

    public static Color ColorOf(PositionKind kind) => kind switch
    {
        PositionKind.Support => Color.Success,
        PositionKind.Accept => Color.Tertiary,
        PositionKind.StandAside => Color.Default,
        PositionKind.Oppose => Color.Warning,
        PositionKind.Block => Color.Error,
        _ => Color.Default,
    };

    public static string Label(ClauseStatus status) => ReaderWords.Of(status, CultureInfo.CurrentUICulture);

    public static Color ColorOf(ClauseStatus status) => status switch
    {
        ClauseStatus.Agreed => Color.Success,
        ClauseStatus.NearConsensus => Color.Info,
        ClauseStatus.Contested => Color.Warning,
        ClauseStatus.Blocked => Color.Error,
        ClauseStatus.Withdrawn => Color.Dark,
        _ => Color.Default,
    };

    public static string Label(Phase phase) => Labels.Get("Phase_" + phase);

    public static string Label(Role role) => Labels.Get("Role_" + role);

    public static string Label(ClauseKind kind) => ReaderWords.Of(kind, CultureInfo.CurrentUICulture);

    public static string Label(ConfidentialityMode mode) => Labels.Get("Confidentiality_" + mode);

    public static string Label(Track track) => Labels.Get("Track_" + track);

    /// <summary>A label for a wire string such as "ChathamHouse" or "FinalReading".</summary>
    public static string Humanize(string value) =>
        Enum.TryParse<ConfidentialityMode>(value, out var mode) ? Label(mode)
        : Enum.TryParse<Phase>(value, out var phase) ? Label(phase)
        : Enum.TryParse<Track>(value, out var track) ? Label(track)
        : Enum.TryParse<Role>(value, out var role) ? Label(role)
        : value;

    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A moment in the viewer's local time, as the room reads it ("5 Sep 14:02", "9月5日 14:02"): the pattern is a text a translator owns.</summary>
    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString(Labels.Get("TimeFormat"), CultureInfo.CurrentCulture);

    /// <summary>A day in the viewer's local time ("5 Sep 2026", "2026年9月5日").</summary>
    public static string Date(DateTimeOffset at) => at.ToLocalTime().ToString(Labels.Get("DateFormat"), CultureInfo.CurrentCulture);

    /// <summary>A day and time in the viewer's local time ("5 Sep 2026 14:02", "2026年9月5日 14:02").</summary>
    public static string DateTime(DateTimeOffset at) => at.ToLocalTime().ToString(Labels.Get("DateTimeFormat"), CultureInfo.CurrentCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell's background by share: red through amber to green on a light tone, so the count
    /// printed on it stays readable; grey where nobody has decided yet.
    /// </summary>
    public static string ShareColor(double? share)
    {
        if (share is not { } s)
            return "#eceff1";
        var hue = Math.Round(Math.Clamp(s, 0, 1) * 120);
        return $"hsl({hue.ToString(CultureInfo.InvariantCulture)}, 65%, 82%)";
    }

    /// <summary>A strong colour per curve, cycled; chosen to stay apart for common colour blindness.</summary>
    public static string SeriesColor(int index) => Series[index % Series.Length];

    private static readonly string[] Series = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c564b"];
}
