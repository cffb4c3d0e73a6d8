namespace Deliberation.Client.Tests.Localization;

/// <summary>The repository's own source files, for tests that read what a translator or a developer wrote.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string RelativePath(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Deliberation.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Deliberation.sln not found above the test's folder.");
    }
}
