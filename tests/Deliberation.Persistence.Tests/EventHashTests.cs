namespace Deliberation.Persistence.Tests;

public sealed class EventHashTests
{
    // Computed outside .NET, with printf and sha256sum, from the documented canonical form.
    private const string FirstHash = "aa59b66e9c26fb651813635cc5ccd5ff0a8c63a614b58e4fa89289dc7c5c011f";
    private const string SecondHash = "169454d24dcc91e5ac6ffac7606145a5bb0fed2367838cc0c88103d55af55d06";

    [Fact]
    public void CanonicalFormIsTheDocumentedLines()
    {
        var occurredAt = new DateTimeOffset(2025, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)).AddTicks(1_234_560);

        Assert.Equal("s-1\n1\nCreated\n2025-01-02T03:04:05.1234560+00:00\nalice\n{\"a\":1}",
            EventHash.Canonical("s-1", 1, "Created", occurredAt, "alice", """{"a":1}"""));
    }

    [Fact]
    public void HashesMatchAnIndependentComputation()
    {
        var first = EventHash.Compute("", "s-1", 1, "Created", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_560), "alice", """{"a":1}""");
        var second = EventHash.Compute(first, "s-1", 2, "Renamed", new DateTimeOffset(2025, 1, 2, 3, 4, 6, TimeSpan.Zero), "bob", """{"name":"Ünïcode"}""");

        Assert.Equal(FirstHash, first);
        Assert.Equal(SecondHash, second);
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
