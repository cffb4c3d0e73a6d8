namespace Deliberation.Persistence.Tests;

public sealed class EventHashTests
{
    // Computed outside .NET, with printf, xxd and sha256sum, from the documented definition
    // (docs/api.md, "Verifiable history"): leaf = SHA-256(salt bytes ‖ canonical), hash = SHA-256(previous hash bytes ‖ leaf bytes).
    private const string FirstSalt = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private const string SecondSalt = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
    private const string FirstLeaf = "da1b64bfa04e74c12d77748e9403a776e9613f7b314ba33beaafb32a99d74551";
    private const string SecondLeaf = "3f7fad72dc163acd460df9b9e04490a200fe1a334f32010928230e6d0b066c5b";
    private const string FirstHash = "0f9f48e485ccb7eb57819a229e3f4f357d642c614180b5c859b55121e6808618";
    private const string SecondHash = "cd7054b0b66daa9f2f3e81cce75b8c55aa8d04fd758793e03740f5096e734b40";

    // The unsalted chain of before, kept for the migration; computed the same way.
    private const string FirstLegacyHash = "aa59b66e9c26fb651813635cc5ccd5ff0a8c63a614b58e4fa89289dc7c5c011f";
    private const string SecondLegacyHash = "169454d24dcc91e5ac6ffac7606145a5bb0fed2367838cc0c88103d55af55d06";

    private static readonly DateTimeOffset FirstTime = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_560);
    private static readonly DateTimeOffset SecondTime = new(2025, 1, 2, 3, 4, 6, TimeSpan.Zero);

    [Fact]
    public void CanonicalFormIsTheDocumentedLines()
    {
        var occurredAt = new DateTimeOffset(2025, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)).AddTicks(1_234_560);

        Assert.Equal("s-1\n1\nCreated\n2025-01-02T03:04:05.1234560+00:00\nalice\n{\"a\":1}",
            EventHash.Canonical("s-1", 1, "Created", occurredAt, "alice", """{"a":1}"""));
    }

    [Fact]
    public void LeavesAndHashesMatchAnIndependentComputation()
    {
        var firstLeaf = EventHash.Leaf(FirstSalt, "s-1", 1, "Created", FirstTime, "alice", """{"a":1}""");
        var secondLeaf = EventHash.Leaf(SecondSalt, "s-1", 2, "Renamed", SecondTime, "bob", """{"name":"Ünïcode"}""");

        Assert.Equal(FirstLeaf, firstLeaf);
        Assert.Equal(SecondLeaf, secondLeaf);
        Assert.Equal(FirstHash, EventHash.Link("", firstLeaf));
        Assert.Equal(SecondHash, EventHash.Link(FirstHash, secondLeaf));
    }

    [Fact]
    public void LegacyHashesMatchAnIndependentComputation()
    {
        var first = EventHash.LegacyHash("", "s-1", 1, "Created", FirstTime, "alice", """{"a":1}""");
        var second = EventHash.LegacyHash(first, "s-1", 2, "Renamed", SecondTime, "bob", """{"name":"Ünïcode"}""");

        Assert.Equal(FirstLegacyHash, first);
        Assert.Equal(SecondLegacyHash, second);
    }

    [Fact]
    public void SaltsAreFreshLowercaseHexOf32Bytes()
    {
        var salts = Enumerable.Range(0, 100).Select(_ => EventHash.NewSalt()).ToList();

        Assert.All(salts, s => Assert.True(EventHash.IsHex(s), s));
        Assert.Equal(salts.Count, salts.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F")]
    [InlineData("zz0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")]
    public void ASaltThatIsNot64LowercaseHexIsRefused(string salt) =>
        Assert.Throws<FormatException>(() => EventHash.Leaf(salt, "s-1", 1, "Created", FirstTime, "alice", "{}"));

    [Fact]
    public void TheSameEventWithAnotherSaltHasAnUnrelatedLeaf()
    {
        // Why the salt exists: a viewer holding only the leaf cannot test a guess of the content.
        var one = EventHash.Leaf(FirstSalt, "s-1", 1, "Created", FirstTime, "alice", """{"a":1}""");
        var other = EventHash.Leaf(SecondSalt, "s-1", 1, "Created", FirstTime, "alice", """{"a":1}""");

        Assert.NotEqual(one, other);
    }

    [Fact]
    public void StoredTimeIsUtcWholeMicroseconds()
    {
        var time = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)).AddTicks(1_234_567);

        var stored = StoredTime.Normalise(time);

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(time.UtcTicks - 7, stored.UtcTicks);
        Assert.Equal(stored, StoredTime.Normalise(stored));
    }
}
