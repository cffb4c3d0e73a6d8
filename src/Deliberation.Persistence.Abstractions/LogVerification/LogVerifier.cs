using System.Globalization;

namespace Deliberation.Persistence;

/// <summary>
/// Checks a downloaded events log (docs/api.md, "Events as JSON lines") with the server's own
/// definition of the chain (<see cref="EventHash"/>): per stream, versions run from 1 without a gap
/// or a repeat, each hash is <c>Link(previous hash, leaf)</c>, and each event the viewer received
/// whole gives its leaf from its salt and content. Then each published head must be in the log, on
/// a part of its stream's chain that holds. Stops at the first bad event of each stream.
/// Pure (no files, no clock): the offline verifier (src/Deliberation.Verify) and the browser's review
/// page run this same code over the log they downloaded.
/// </summary>
public static class LogVerifier
{
    public static LogVerification Verify(IReadOnlyList<LogLine> lines, IReadOnlyList<HeadClaim> heads)
    {
        var streams = lines.GroupBy(l => l.StreamId, StringComparer.Ordinal).Select(g => VerifyStream(g.Key, [.. g])).ToList();
        var byStream = streams.ToDictionary(s => s.Chain.StreamId, StringComparer.Ordinal);
        var found = heads.Select(h => FindHead(h, lines, byStream)).ToList();
        return new LogVerification(lines.Count, streams, found);
    }

    private static StreamResult VerifyStream(string streamId, IReadOnlyList<LogLine> lines)
    {
        var present = lines.Select(l => l.Version).ToHashSet();
        var expected = 1L;
        var previousHash = "";
        string? headHash = null;
        long checkedCount = 0, leaves = 0;
        foreach (var line in lines)
        {
            var problem = Check(line, expected, previousHash, present, out var leafChecked);
            if (problem is not null)
                return new StreamResult(new StreamVerification(streamId, expected - 1, headHash, checkedCount, problem), leaves, line.LineNumber);
            if (leafChecked)
                leaves++;
            checkedCount++;
            expected++;
            previousHash = line.Hash!;
            headHash = line.Hash;
        }
        return new StreamResult(new StreamVerification(streamId, expected - 1, headHash, checkedCount, null), leaves, null);
    }

    private static ChainBreak? Check(LogLine line, long expected, string previousHash, HashSet<long> present, out bool leafChecked)
    {
        leafChecked = false;
        var v = line.Version;
        if (v > expected)
            return present.Contains(expected)
                ? new ChainBreak(expected, ChainProblems.VersionOrder, $"Version {expected} comes after version {v} (line {line.LineNumber}): events were reordered.")
                : new ChainBreak(expected, ChainProblems.MissingVersion, $"Version {expected} is missing: the stream's next line ({line.LineNumber}) has version {v}.");
        if (v < expected)
            return new ChainBreak(v, ChainProblems.VersionOrder, $"Version {v} appears again at line {line.LineNumber}, where version {expected} was expected.");
        if (!EventHash.IsHex(line.Leaf))
            return new ChainBreak(v, ChainProblems.LeafMismatch, $"Line {line.LineNumber} has no leaf of 64 lowercase hex characters.");
        if (line.Whole is { } whole)
        {
            if (!EventHash.IsHex(whole.Salt))
                return new ChainBreak(v, ChainProblems.LeafMismatch, $"Line {line.LineNumber}: the salt is not 64 lowercase hex characters.");
            if (!DateTimeOffset.TryParseExact(whole.OccurredAt, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
                return new ChainBreak(v, ChainProblems.LeafMismatch, $"Line {line.LineNumber}: occurredAt is not a round-trip time.");
            var leaf = EventHash.Leaf(whole.Salt, line.StreamId, v, line.Type, at, whole.Actor, whole.Payload);
            if (!string.Equals(leaf, line.Leaf, StringComparison.Ordinal))
                return new ChainBreak(v, ChainProblems.LeafMismatch, $"Line {line.LineNumber}: the event's content or salt does not give its leaf: it was changed after it was written.");
            leafChecked = true;
        }
        if (!EventHash.IsHex(line.Hash) || !string.Equals(EventHash.Link(previousHash, line.Leaf!), line.Hash, StringComparison.Ordinal))
            return new ChainBreak(v, ChainProblems.HashMismatch, $"Line {line.LineNumber}: the hash is not SHA-256 of hash({v - 1}) and this leaf: the chain's link was changed.");
        return null;
    }

    private static HeadResult FindHead(HeadClaim claim, IReadOnlyList<LogLine> lines, Dictionary<string, StreamResult> streams)
    {
        if (claim.StreamId is { } stream && !streams.ContainsKey(stream))
            return new HeadResult(claim, null, null, 0, $"the log has no stream {stream}.");
        var at = lines.FirstOrDefault(l => string.Equals(l.Hash, claim.Hash, StringComparison.Ordinal)
            && (claim.StreamId is null || l.StreamId == claim.StreamId) && (claim.Version is null || l.Version == claim.Version));
        if (at is null)
        {
            var sameVersion = claim.StreamId is null ? null : lines.FirstOrDefault(l => l.StreamId == claim.StreamId && l.Version == claim.Version);
            return new HeadResult(claim, null, null, 0, sameVersion is null
                ? "no event in the log has this hash."
                : $"{claim.StreamId} has hash {sameVersion.Hash} at version {claim.Version}, not this one.");
        }
        var result = streams[at.StreamId];
        var after = lines.Count(l => l.StreamId == at.StreamId && l.Version > at.Version);
        if (result.Chain.FirstBreak is { } broken && broken.Version <= at.Version)
            return new HeadResult(claim, at.StreamId, at.Version, after, $"found at {at.StreamId} version {at.Version}, but the chain breaks before it (version {broken.Version}): the head cannot be vouched for.");
        return new HeadResult(claim, at.StreamId, at.Version, after, null);
    }
}

/// <summary>One stream's result: the chain check, how many events were also checked against their leaf, and the line of the first bad event.</summary>
public sealed record StreamResult(StreamVerification Chain, long LeavesChecked, int? BadLine);

/// <summary>Where a published head was found, how many of its stream's events follow it, or why it does not hold.</summary>
public sealed record HeadResult(HeadClaim Claim, string? StreamId, long? Version, long EventsAfter, string? Problem)
{
    public bool Holds => Problem is null;
}

/// <summary>The whole check: every stream whole and every head found on a sound chain.</summary>
public sealed record LogVerification(int Lines, IReadOnlyList<StreamResult> Streams, IReadOnlyList<HeadResult> Heads)
{
    public bool IsGood => Streams.All(s => s.Chain.IsIntact) && Heads.All(h => h.Holds);
}
