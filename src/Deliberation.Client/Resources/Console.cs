using System.Globalization;
using System.Resources;

namespace Deliberation.Client.Resources;

/// <summary>
/// Names the Console texts (Console.resx, Console.zh-Hans.resx) — the facilitator's console and the rapporteur's tools — for
/// IStringLocalizer&lt;Console&gt;; see docs/architecture.md. The static helpers serve the code that
/// builds texts outside a component (confirmation lines, form problems), which has no localizer.
/// </summary>
public sealed class Console
{
    private static readonly ResourceManager Texts = new(typeof(Console));

    /// <summary>The text for a key in the interface's culture; the key itself if a translator left it out (the parity test forbids that).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>A text with its placeholders filled, numbers in the interface's culture.</summary>
    public static string Format(string key, params object?[] arguments) => string.Format(CultureInfo.CurrentCulture, Get(key), arguments);
}
