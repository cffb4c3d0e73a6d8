namespace Deliberation.Persistence.Tests;

/// <summary>The pure chain check on events in memory: each way of tampering is named, with its version.</summary>
public sealed class ChainVerifierTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private static List<StoredEvent> Chain(int count, string stream = "statement-1")
    {
        var events = new List<StoredEvent>();
        var previous = "";
        for (var v = 1; v <= count; v++)
        {
            var salt = EventHash.NewSalt();
            var payload = $$"""{"position":"Support","n":{{v}}}""";
            var leaf = EventHash.Leaf(salt, stream, v, "PositionTaken", T0.AddSeconds(v), "actor", payload);
            var hash = EventHash.Link(previous, leaf);
            events.Add(new StoredEvent(100 + v * 10, stream, "scope", v, "PositionTaken", payload, T0.AddSeconds(v), "actor", hash, salt, leaf));
            previous = hash;
        }
        return events;
    }

    [Fact]
    public void AnIntactChainVerifiesWholeWithItsHead()
    {
        var events = Chain(5);

        var result = ChainVerifier.Verify("statement-1", events);

        Assert.True(result.IsIntact);
        Assert.Equal((5L, events[^1].Hash, 5L), (result.HeadVersion, result.HeadHash, result.EventsChecked));
    }

    public static TheoryData<string, Func<List<StoredEvent>, List<StoredEvent>>, long, string> Tamperings => new()
    {
        { "payload Support -> Block", e => [.. e.Select(x => x.Version == 3 ? x with { PayloadJson = x.PayloadJson.Replace("Support", "Block", StringComparison.Ordinal) } : x)], 3, ChainProblems.LeafMismatch },
        { "actor changed", e => [.. e.Select(x => x.Version == 3 ? x with { Actor = "someone else" } : x)], 3, ChainProblems.LeafMismatch },
        { "salt changed", e => [.. e.Select(x => x.Version == 3 ? x with { Salt = EventHash.NewSalt() } : x)], 3, ChainProblems.LeafMismatch },
        { "leaf and payload changed together", e => [.. e.Select(x => x.Version == 3 ? Releafed(x with { PayloadJson = "{}" }) : x)], 3, ChainProblems.HashMismatch },
        { "hash changed", e => [.. e.Select(x => x.Version == 3 ? x with { Hash = new string('0', 64) } : x)], 3, ChainProblems.HashMismatch },
        { "event deleted", e => [.. e.Where(x => x.Version != 3)], 3, ChainProblems.MissingVersion },
        { "versions swapped", e => [.. e.Select(x => x.Version switch { 3 => x with { Version = 4 }, 4 => x with { Version = 3 }, _ => x }).OrderBy(x => x.Version)], 3, ChainProblems.VersionOrder },
        { "version repeated", e => [.. e.Take(3), e[2], .. e.Skip(3)], 4, ChainProblems.VersionOrder },
        { "no salt (not migrated)", e => [.. e.Select(x => x.Version == 3 ? x with { Salt = "" } : x)], 3, ChainProblems.LeafMismatch },
    };

    private static StoredEvent Releafed(StoredEvent e) => e with { Leaf = EventHash.Leaf(e) };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void EachTamperingIsNamedAtItsVersion(string tampering, Func<List<StoredEvent>, List<StoredEvent>> tamper, long version, string problem)
    {
        var result = ChainVerifier.Verify("statement-1", tamper(Chain(5)));

        Assert.False(result.IsIntact, tampering);
        Assert.Equal((version, problem), (result.FirstBreak!.Version, result.FirstBreak.Problem));
        Assert.Equal(version - 1, result.EventsChecked);
    }

    [Fact]
    public void AContinuationIsCheckedAgainstTheHashItFollows()
    {
        var events = Chain(5);

        Assert.True(ChainVerifier.Verify("statement-1", events.Skip(2), 2, events[1].Hash).IsIntact);
        var wrongLink = ChainVerifier.Verify("statement-1", events.Skip(2), 2, events[0].Hash);
        Assert.Equal((3L, ChainProblems.HashMismatch), (wrongLink.FirstBreak!.Version, wrongLink.FirstBreak.Problem));
    }

    [Fact]
    public void IntegrityRemembersABreakUntilAVerificationCoveringItFindsTheStreamWhole()
    {
        var integrity = new HistoryIntegrity();
        var broken = new StreamVerification("s", 10, "h", 2, new ChainBreak(3, ChainProblems.LeafMismatch, "changed"));

        Assert.True(integrity.Report(broken));
        Assert.False(integrity.Report(broken)); // known: not logged twice
        // A load from a snapshot at version 5 checks 6..10 only: it cannot clear a break at 3.
        Assert.False(integrity.Report(new StreamVerification("s", 10, "h", 5, null)));
        Assert.Single(integrity.Broken);
        integrity.Report(new StreamVerification("s", 10, "h", 10, null));
        Assert.Empty(integrity.Broken);
    }
}
