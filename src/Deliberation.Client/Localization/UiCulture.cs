using System.Globalization;

namespace Deliberation.Client.Localization;

/// <summary>
/// The interface's languages (English and Simplified Chinese) and which one a person gets: her own
/// choice if she made one, else her browser's ("zh-CN", "zh-TW", "zh" all read zh-Hans), else English.
/// See docs/architecture.md, "The interface's languages".
/// </summary>
public static class UiCulture
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>The languages the picker offers, each named in its own language so a reader finds hers.</summary>
    public static IReadOnlyList<(string Culture, string OwnName)> Offered { get; } =
        [(English, "English"), (SimplifiedChinese, "中文")];

    /// <summary>The culture for a stored choice and the browser's language; anything unknown reads English.</summary>
    public static CultureInfo Choose(string? storedChoice, string? browserLanguage) =>
        CultureInfo.GetCultureInfo(Supported(storedChoice) ?? Supported(browserLanguage) ?? English);

    /// <summary>The supported culture a language tag asks for, or null when we have no interface in it.</summary>
    public static string? Supported(string? tag) => tag?.Trim() switch
    {
        null or "" => null,
        var t when t.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => SimplifiedChinese,
        var t when t.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };

    /// <summary>Makes a culture the one every formatting call and localizer uses from now on, on every thread.</summary>
    public static void Apply(CultureInfo culture)
    {
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
