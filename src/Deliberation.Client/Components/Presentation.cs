using Deliberation.Contracts.Views;
using System.Globalization;
using Deliberation.Domain;
using MudBlazor;

namespace Deliberation.Client.Components;

/// <summary>Words and colours for the domain's values, in one place so every page says the same.</summary>
public static class Presentation
{
    public static readonly PositionKind[] PositionKinds = [PositionKind.Support, PositionKind.Accept, PositionKind.StandAside, PositionKind.Oppose, PositionKind.Block];

    public static string Label(PositionKind kind) => kind switch
    {
        PositionKind.Support => "Support",
        PositionKind.Accept => "Accept",
        PositionKind.StandAside => "Stand aside",
        PositionKind.Oppose => "Oppose",
        PositionKind.Block => "Block",
        _ => kind.ToString(),
    };

    public static string Hint(PositionKind kind) => kind switch
    {
        PositionKind.Support => "I support this text.",
        PositionKind.Accept => "I can live with it.",
        PositionKind.StandAside => "I will not stand in the way; count me as neither for nor against.",
        PositionKind.Oppose => "I oppose this text.",
        PositionKind.Block => "I cannot let this pass (a veto where the rule says so).",
        _ => "",
    };

    public static Color ColorOf(PositionKind kind) => kind switch
    {
        PositionKind.Support => Color.Success,
        PositionKind.Accept => Color.Tertiary,
        PositionKind.StandAside => Color.Default,
        PositionKind.Oppose => Color.Warning,
        PositionKind.Block => Color.Error,
        _ => Color.Default,
    };

    public static string Label(ClauseStatus status) => ReaderWords.Of(status);

    public static Color ColorOf(ClauseStatus status) => status switch
    {
        ClauseStatus.Agreed => Color.Success,
        ClauseStatus.NearConsensus => Color.Info,
        ClauseStatus.Contested => Color.Warning,
        ClauseStatus.Blocked => Color.Error,
        ClauseStatus.Withdrawn => Color.Dark,
        _ => Color.Default,
    };

    public static string Label(Phase phase) => phase switch
    {
        Phase.FinalReading => "Final reading",
        _ => phase.ToString(),
    };

    public static string Label(ClauseKind kind) => ReaderWords.Of(kind);

    public static string Label(ConfidentialityMode mode) => mode switch
    {
        ConfidentialityMode.ChathamHouse => "Chatham House",
        _ => mode.ToString(),
    };

    public static string Label(Track track) => track == Track.Track1_5 ? "Track 1.5" : "Track 2";

    /// <summary>A label for a wire string such as "ChathamHouse" or "FinalReading".</summary>
    public static string Humanize(string value) => value switch
    {
        "ChathamHouse" => "Chatham House",
        "FinalReading" => "Final reading",
        "Track1_5" => "Track 1.5",
        "Track2" => "Track 2",
        _ => value,
    };

    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A moment in the viewer's local time, as the room reads it ("5 Sep 14:02").</summary>
    public static string Time(DateTimeOffset at) => at.ToLocalTime().ToString("d MMM HH:mm", CultureInfo.InvariantCulture);

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
