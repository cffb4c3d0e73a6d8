using MudBlazor;

namespace Deliberation.Client.Layout;

/// <summary>
/// One theme for every page: the system font stack (nothing is loaded from the internet), calm
/// colours with strong contrast, and type that still reads from the back of a room.
/// </summary>
public static class AppTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Noto Sans CJK SC", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#6a4c93",
            // Darker than the first choices so white text and outlined buttons reach 4.5:1 (WCAG 2.1 AA).
            Tertiary = "#1f7a70",
            Success = "#2e7d32",
            Warning = "#9a5c00",
            Error = "#b3261e",
            Info = "#0b6aa2",
            AppbarBackground = "#1f4e79",
            Background = "#f5f6f8",
            Surface = "#ffffff",
            TextPrimary = "#1b1f24",
            TextSecondary = "#4a525c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts, FontSize = "1rem", LineHeight = "1.5" },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "2.4rem", FontWeight = "600", LineHeight = "1.2" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "2rem", FontWeight = "600", LineHeight = "1.25" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.7rem", FontWeight = "600", LineHeight = "1.25" },
            H4 = new H4Typography { FontFamily = SystemFonts, FontSize = "1.45rem", FontWeight = "600", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = SystemFonts, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.35" },
            H6 = new H6Typography { FontFamily = SystemFonts, FontSize = "1.1rem", FontWeight = "600", LineHeight = "1.4" },
            Subtitle1 = new Subtitle1Typography { FontFamily = SystemFonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = SystemFonts },
            Body1 = new Body1Typography { FontFamily = SystemFonts, FontSize = "1rem" },
            Body2 = new Body2Typography { FontFamily = SystemFonts, FontSize = "0.925rem" },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
            Caption = new CaptionTypography { FontFamily = SystemFonts },
            Overline = new OverlineTypography { FontFamily = SystemFonts },
        },
    };
}
