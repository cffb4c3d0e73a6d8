using System.Globalization;
using Deliberation.Contracts.Localization;

namespace Deliberation.Client.Localization;

/// <summary>
/// The interface's languages (English and Simplified Chinese) and which one a person gets: her own
/// choice if she made one, else her browser's ("zh-CN", "zh-TW", "zh" all read zh-Hans), else English.
/// See docs/architecture.md, "The interface's languages".
/// </summary>
public static class UiCulture
{
    public const string English = InterfaceCultures.English;
    public const string SimplifiedChinese = InterfaceCultures.SimplifiedChinese;

    /// <summary>The languages the picker offers, each named in its own language so a reader finds hers.</summary>
    public static IReadOnlyList<(string Culture, string OwnName)> Offered { get; } =
        [(English, "English"), (SimplifiedChinese, "中文")];

    /// <summary>The culture for a stored choice and the browser's language; anything unknown reads English.</summary>
    public static CultureInfo Choose(string? storedChoice, string? browserLanguage) => Choose(null, storedChoice, browserLanguage);

    /// <summary>
    /// The same, with the choice kept on her organiser account first: it follows her to a browser
    /// that never saw her choose, where this browser's own language would otherwise win.
    /// </summary>
    public static CultureInfo Choose(string? accountChoice, string? storedChoice, string? browserLanguage) =>
        CultureInfo.GetCultureInfo(Supported(accountChoice) ?? Supported(storedChoice) ?? Supported(browserLanguage) ?? English);

    /// <summary>The supported culture a language tag asks for, or null when we have no interface in it.</summary>
    public static string? Supported(string? tag) => tag?.Trim() switch
    {
        null or "" => null,
        var t when t.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => SimplifiedChinese,
        var t when t.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };

    /// <summary>The interface's culture now, as a supported name: what exports and reports are asked to label in.</summary>
    public static string Current => Supported(CultureInfo.CurrentUICulture.Name) ?? English;

    /// <summary>Makes a culture the one every formatting call and localizer uses from now on, on every thread.</summary>
    public static void Apply(CultureInfo culture)
    {
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
