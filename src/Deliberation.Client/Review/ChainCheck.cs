using Deliberation.Domain.History;
using Deliberation.Persistence;

namespace Deliberation.Client.Review;

/// <summary>
/// What the browser's check of a downloaded log found: the counts the page words in the reader's
/// language, and each problem as the offline verifier words it (English, naming streams and versions).
/// </summary>
public sealed record ChainCheckResult(bool Good, bool Readable, int Events, int Streams, int HeadsMatched, int HeadsGiven, IReadOnlyList<string> Problems);

/// <summary>
/// The review's Verify button: the log the viewer downloaded (<c>/events?format=jsonl</c>, redacted
/// for her) checked with the offline verifier's own code (<see cref="LogVerifier"/>), against the
/// heads the page was given — the frozen text's and the timeline's. Nothing is taken on the server's
/// word: the chains and heads are recomputed here.
/// </summary>
public static class ChainCheck
{
    public static ChainCheckResult Run(string jsonLines, IEnumerable<StreamHead> heads)
    {
        List<LogLine> lines;
        try
        {
            lines = LogLine.ParseAll(jsonLines.Split('\n'));
        }
        catch (FormatException e)
        {
            return new(false, false, 0, 0, 0, 0, [e.Message]);
        }
        var claims = heads.DistinctBy(h => (h.StreamId, h.Version)).Select(h => new HeadClaim(h.Hash, h.StreamId, h.Version)).ToList();
        var result = LogVerifier.Verify(lines, claims);
        var matched = result.Heads.Count(h => h.Holds);
        var problems = result.Streams.Where(s => s.Chain.FirstBreak is not null)
            .Select(s => $"{s.Chain.StreamId} breaks at version {s.Chain.FirstBreak!.Version} ({s.Chain.FirstBreak.Problem}): {s.Chain.FirstBreak.Detail}")
            .Concat(result.Heads.Where(h => !h.Holds).Select(h => $"Head {h.Claim}: {h.Problem}"))
            .ToList();
        return new(result.IsGood, true, lines.Count, result.Streams.Count, matched, claims.Count, problems);

    }
}
