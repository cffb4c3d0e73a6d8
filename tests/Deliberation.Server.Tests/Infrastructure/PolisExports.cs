namespace Deliberation.Server.Tests.Infrastructure;

/// <summary>The real Pol.is exports in <c>shared/data/polis</c>, a sibling of the repository root.</summary>
public static class PolisExports
{
    public static readonly TheoryData<string> Conversations =
        ["15-per-hour-seattle", "brexit-consensus", "scoop-hivemind.ubi", "vtaiwan.uberx"];

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder(string conversation) => Path.Combine(Root.Value, conversation);

    public static string File(string conversation, string file) => Path.Combine(Folder(conversation), file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "polis");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            "The Pol.is test data was not found: expected a folder shared/data/polis beside the repository root "
            + $"(<repo>/../shared/data/polis), looking upwards from {AppContext.BaseDirectory}.");
    }
}
