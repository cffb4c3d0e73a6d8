using System.Collections.Concurrent;
using SkiaSharp;

namespace Deliberation.Server.Documents;

/// <summary>
/// The typefaces PDF exports are drawn with: a body face (and its bold, when installed) and, for
/// each character the body lacks, the first installed face that has it, so that a Chinese
/// signatory's name prints wherever a CJK font is installed. A character no face has is drawn
/// with the body's missing-glyph box rather than refused.
/// </summary>
public sealed class ExportFonts
{
    // Common, freely packaged faces first. DejaVu Sans is Debian's fonts-dejavu-core, which
    // scripts/test.sh makes sure of and which covers Latin, Greek and Cyrillic.
    private static readonly string[] BodyFamilies = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    // Simplified Chinese first: the dialogues have Chinese delegates. Any other installed family
    // is tried after these, so Japanese, Korean or Arabic names find a face too where one exists.
    private static readonly string[] PreferredFallbackFamilies =
    [
        "Noto Sans CJK SC", "Source Han Sans SC", "Droid Sans Fallback", "WenQuanYi Zen Hei",
        "WenQuanYi Micro Hei", "AR PL UMing CN", "Microsoft YaHei", "PingFang SC",
    ];

    private static readonly Lazy<ExportFonts?> installed = new(FromSystem);

    private readonly IReadOnlyList<SKTypeface> fallbacks;
    private readonly ConcurrentDictionary<int, SKTypeface?> fallbackByCodePoint = new();

    /// <param name="bold">Null when no bold face is installed: the body face is then emboldened.</param>
    /// <param name="fallbacks">Tried in order for a character the body face lacks.</param>
    public ExportFonts(SKTypeface body, SKTypeface? bold, IReadOnlyList<SKTypeface> fallbacks)
    {
        Body = body;
        Bold = bold;
        this.fallbacks = fallbacks;
    }

    /// <summary>What this machine has installed, found once; null when it has no usable font at all.</summary>
    public static ExportFonts? Installed => installed.Value;

    public SKTypeface Body { get; }

    public SKTypeface? Bold { get; }

    /// <summary>The first fallback face that has the character, or null when none has it.</summary>
    public SKTypeface? FallbackFor(int codePoint) =>
        fallbackByCodePoint.GetOrAdd(codePoint, c => fallbacks.FirstOrDefault(face => face.ContainsGlyph(c)));

    private static ExportFonts? FromSystem()
    {
        // On Linux the NoDependencies build of Skia lists the fonts under /usr/share/fonts itself,
        // without fontconfig; elsewhere this is the platform's own font manager.
        var manager = SKFontManager.Default;
        var families = manager.FontFamilies.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        SKTypeface? Face(string family, SKFontStyle style) =>
            families.Contains(family, StringComparer.OrdinalIgnoreCase) ? manager.MatchFamily(family, style) : null;

        var bodyFamily = BodyFamilies.FirstOrDefault(f => Face(f, SKFontStyle.Normal) is not null)
            ?? families.FirstOrDefault(f => Face(f, SKFontStyle.Normal) is { } face && face.ContainsGlyphs("Aa1"));
        if (bodyFamily is null || Face(bodyFamily, SKFontStyle.Normal) is not { } body)
            return null;
        var bold = Face(bodyFamily, SKFontStyle.Bold) is { FontWeight: >= (int)SKFontStyleWeight.SemiBold } b ? b : null;

        var fallbackFamilies = PreferredFallbackFamilies.Where(f => families.Contains(f, StringComparer.OrdinalIgnoreCase))
            .Concat(families.Where(f => !PreferredFallbackFamilies.Contains(f, StringComparer.OrdinalIgnoreCase)))
            .Where(f => !string.Equals(f, bodyFamily, StringComparison.OrdinalIgnoreCase));
        var fallbacks = fallbackFamilies.Select(f => Face(f, SKFontStyle.Normal)).OfType<SKTypeface>().ToList();
        return new ExportFonts(body, bold, fallbacks);
    }
}
