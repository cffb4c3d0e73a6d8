namespace Deliberation.Contracts.Localization;

/// <summary>
/// The languages the interface and the exports' labels are written in (docs/architecture.md,
/// "The interface's languages"). One list for the server, which stores a person's choice and
/// labels exports, and for the browser, which offers it.
/// </summary>
public static class InterfaceCultures
{
    public const string English = "en";
    public const string SimplifiedChinese = "zh-Hans";

    /// <summary>The rule code of a culture outside <see cref="All"/>, for a stored choice and an export alike.</summary>
    public const string UnsupportedRule = "culture.unsupported";

    public static IReadOnlyList<string> All { get; } = [English, SimplifiedChinese];

    /// <summary>
    /// The supported culture a request names exactly (letter case aside), or null. Stricter than the
    /// browser's guess from its language tag: what is stored or asked for must be one of ours.
    /// </summary>
    public static string? Exactly(string? name) =>
        All.FirstOrDefault(c => string.Equals(c, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string UnsupportedMessage(string? name) =>
        $"'{name}' is not an interface language; the languages are {string.Join(" and ", All)}.";
}
