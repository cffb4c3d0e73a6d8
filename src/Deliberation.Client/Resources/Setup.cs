using System.Globalization;
using System.Resources;

namespace Deliberation.Client.Resources;

/// <summary>
/// Names the Setup texts (Setup.resx, Setup.zh-Hans.resx) — the setup page, the new-dialogue page and their forms — for
/// IStringLocalizer&lt;Setup&gt;; see docs/architecture.md. The static helpers serve the code that
/// builds texts outside a component (confirmation lines, form problems), which has no localizer.
/// </summary>
public sealed class Setup
{
    private static readonly ResourceManager Texts = new(typeof(Setup));

    /// <summary>The text for a key in the interface's culture; the key itself if a translator left it out (the parity test forbids that).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A text with its placeholders filled, numbers in the interface's culture.</summary>
    public static string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(key), arguments);
}
