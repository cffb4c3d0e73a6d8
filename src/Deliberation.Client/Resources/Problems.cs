using System.Globalization;
using System.Resources;

namespace Deliberation.Client.Resources;

/// <summary>
/// A rule's message by its code (Problems.resx, Problems.zh-Hans.resx): the server refuses with a
/// code and an English message; a reader in another language reads the code's message in hers.
/// </summary>
public static class Problems
{
    private static readonly ResourceManager Texts = new(typeof(Problems));

    /// <summary>The translated message for a rule code in a culture, or null when the code has none.</summary>
    public static string? For(string rule, CultureInfo culture) => Texts.GetString(rule, culture);
}
