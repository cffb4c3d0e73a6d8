using System.Globalization;
using Deliberation.Persistence;

namespace Deliberation.Verify;

/// <summary>
/// The command line: <c>log.jsonl [--head HASH | --head STREAM=VERSION:HASH]...</c>. Prints a report
/// and answers 0 when every stream's chain holds and every head is in it, 1 when something is
/// broken or a head is not found, 2 when the arguments or the file cannot be used.
/// </summary>
public static class VerifyCommand
{
    public const int Good = 0;
    public const int Broken = 1;
    public const int Unusable = 2;

    private const string Usage =
        "usage: Deliberation.Verify <log.jsonl> [--head <hash> | --head <streamId>=<version>:<hash>]...\n" +
        "  The log is GET /api/dialogues/{id}/events?format=jsonl as any member downloads it;\n" +
        "  a head is printed in every export and in a frozen statement's History block.";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? path = null;
        var heads = new List<HeadClaim>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                output.WriteLine(Usage);
                return Good;
            }
            if (args[i] == "--head")
            {
                if (i + 1 >= args.Count || !HeadClaim.TryParse(args[++i], out var claim))
                {
                    error.WriteLine($"--head takes a 64-character hex hash or streamId=version:hash.\n{Usage}");
                    return Unusable;
                }
                heads.Add(claim!);
            }
            else if (path is null && !args[i].StartsWith("--", StringComparison.Ordinal))
                path = args[i];
            else
            {
                error.WriteLine($"Unexpected argument '{args[i]}'.\n{Usage}");
                return Unusable;
            }
        }
        if (path is null)
        {
            error.WriteLine(Usage);
            return Unusable;
        }

        List<LogLine> lines;
        try
        {
            lines = Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine($"Cannot read {path}: {e.Message}");
            return Unusable;
        }

        var result = LogVerifier.Verify(lines, heads);
        Report(path, result, output);
        return result.IsGood ? Good : Broken;
    }

    public static List<LogLine> Read(string path) => LogLine.ParseAll(File.ReadLines(path));

    public static void Report(string path, LogVerification result, TextWriter output)
    {
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        var leaves = result.Streams.Sum(s => s.LeavesChecked);
        output.WriteLine($"{path}: {N(result.Lines)} events in {N(result.Streams.Count)} streams; {N(leaves)} received whole and checked against their leaf, the others by their link only.");
        foreach (var stream in result.Streams)
        {
            var chain = stream.Chain;
            output.WriteLine(chain.FirstBreak is { } broken
                ? $"  {chain.StreamId}: BROKEN at version {N(broken.Version)} ({broken.Problem}): {broken.Detail} The chain holds up to version {N(chain.HeadVersion)}."
                : $"  {chain.StreamId}: intact, versions 1 to {N(chain.HeadVersion)}, head {chain.HeadHash}.");
        }
        if (result.Heads.Count == 0)
            output.WriteLine("No head given: the log is consistent with itself; give a published head (--head) to know it is the history that was published.");
        foreach (var head in result.Heads)
            output.WriteLine(head.Holds
                ? $"  head {head.Claim}: found at {head.StreamId} version {N(head.Version!.Value)}; {N(head.EventsAfter)} later events of that stream follow it."
                : $"  head {head.Claim}: NOT VERIFIED: {head.Problem}");
        output.WriteLine(result.IsGood ? "Result: the history is intact." : "Result: BROKEN — see above.");
    }
}
