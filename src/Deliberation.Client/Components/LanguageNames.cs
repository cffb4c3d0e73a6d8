using Deliberation.Domain.Languages;

namespace Deliberation.Client.Components;

/// <summary>Working languages as a reader names them, and the one a browser asks for by default.</summary>
public static class LanguageNames
{
    /// <summary>A language's own name ("中文" for Chinese), so a reader finds hers whatever language the page is in.</summary>
    public static string Label(string tag) => tag switch
    {
        _ when tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => "中文",
        _ when tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) => "English",
        _ => tag,
    };

    /// <summary>
    /// The working language closest to the browser's: same primary tag (a browser's "zh-CN" reads
    /// the dialogue's "zh-Hans"), else the source language.
    /// </summary>
    public static string FromBrowser(string? browserLanguage, WorkingLanguages languages)
    {
        var primary = (browserLanguage ?? "").Split('-')[0];
        return languages.All.FirstOrDefault(l => primary.Length > 0 && l.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase))
            ?? languages.Source;
    }
}
