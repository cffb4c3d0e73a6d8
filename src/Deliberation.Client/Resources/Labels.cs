using System.Globalization;
using System.Resources;

namespace Deliberation.Client.Resources;

/// <summary>
/// The words for the domain's values (Labels.resx, Labels.zh-Hans.resx), read by the static
/// Presentation helpers that every page shares, so they need no injected localizer.
/// </summary>
public static class Labels
{
    private static readonly ResourceManager Texts = new(typeof(Labels));

    /// <summary>The text for a key in the interface's culture; the key itself if a translator left it out (the parity test forbids that).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A text with its placeholders filled, numbers in the interface's culture.</summary>
    public static string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(key), arguments);
}
