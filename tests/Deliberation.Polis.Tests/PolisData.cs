using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Deliberation.Polis.Tests;

/// <summary>The real Pol.is exports in <c>shared/data/polis</c>, a sibling of the repository root.</summary>
public static class PolisData
{
    public static readonly TheoryData<string> Conversations =
        ["15-per-hour-seattle", "brexit-consensus", "scoop-hivemind.ubi", "vtaiwan.uberx"];

    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Folder(string conversation) => Path.Combine(Root.Value, conversation);

    public static string File(string conversation, string file) => Path.Combine(Folder(conversation), file);

    public static PolisConversation Read(string conversation, bool withVotes = true)
    {
        using var comments = System.IO.File.OpenRead(File(conversation, PolisFiles.Comments));
        using var participants = System.IO.File.OpenRead(File(conversation, PolisFiles.ParticipantsVotes));
        using var votes = withVotes ? System.IO.File.OpenRead(File(conversation, PolisFiles.Votes)) : null;
        return PolisReader.Read(comments, participants, votes, PolisLimits.Default);
    }

    /// <summary>summary.csv: two columns, key and value (values may span lines).</summary>
    public static IReadOnlyDictionary<string, string> Summary(string conversation)
    {
        using var reader = new StreamReader(File(conversation, "summary.csv"));
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var summary = new Dictionary<string, string>();
        while (parser.Read())
        {
            summary[parser[0]] = parser[1];
        }

        return summary;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "polis");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The Pol.is test data was not found: expected a folder shared/data/polis beside the repository root "
            + $"(<repo>/../shared/data/polis), looking upwards from {AppContext.BaseDirectory}.");
    }
}
