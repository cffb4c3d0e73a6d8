using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Deliberation.Client.Tests.Localization;

/// <summary>
/// "No missing key": every text the interface has in English it has in Chinese and the other way
/// round, none empty, and with the same placeholders, so a formatted message cannot lose its number.
/// </summary>
public sealed partial class ResourceParityTests
{
    private const string Chinese = ".zh-Hans.resx";

    public static TheoryData<string> NeutralResourceFiles() => new(NeutralFiles());

    private static IEnumerable<string> NeutralFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith(Chinese, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(RepositoryFiles.RelativePath);

    [Fact]
    public void The_interface_has_texts_to_translate()
    {
        // Guards the theory below from passing on nothing if the resources moved.
        var files = NeutralFiles().ToList();
        Assert.Contains("src/Deliberation.Client/Resources/Room.resx", files);
        Assert.Contains("src/Deliberation.Contracts/Views/ReaderWords.resx", files);
        Assert.Contains("src/Deliberation.Contracts/Review/MomentPhrases.resx", files);
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void Every_key_has_a_non_empty_text_in_both_languages_with_the_same_placeholders(string neutralFile)
    {
        var english = Texts(Path.Combine(RepositoryFiles.Root, neutralFile));
        var chinesePath = Path.Combine(RepositoryFiles.Root, neutralFile[..^".resx".Length] + Chinese);
        Assert.True(File.Exists(chinesePath), $"{neutralFile} has no Chinese twin {Path.GetFileName(chinesePath)}.");
        var chinese = Texts(chinesePath);

        Assert.Empty(english.Keys.Except(chinese.Keys).Select(k => $"missing in Chinese: {k}"));
        Assert.Empty(chinese.Keys.Except(english.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(english.Concat(chinese).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"empty: {t.Key}"));
        Assert.Empty(english.Keys
            .Where(k => !Placeholders(english[k]).SetEquals(Placeholders(chinese[k])))
            .Select(k => $"placeholders differ: {k} ('{english[k]}' / '{chinese[k]}')"));
    }

    internal static Dictionary<string, string> Texts(string resxPath) =>
        XDocument.Load(resxPath).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
