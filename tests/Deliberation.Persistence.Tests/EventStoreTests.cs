using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Persistence.Tests;

public sealed class SqliteEventStoreTests(SqliteDatabaseFixture database) : EventStoreTests<SqliteDatabaseFixture>(database);

public sealed class PostgresEventStoreTests(PostgresDatabaseFixture database) : EventStoreTests<PostgresDatabaseFixture>(database);

/// <summary>The store's contract, run against every real database the tests can reach.</summary>
public abstract class EventStoreTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private IEventStore Store => database.Store;

    // Every test writes its own streams and scopes, so tests sharing the class's database
    // cannot see each other.
    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static EventToAppend Event(string type, int n = 0, string actor = "alice") =>
        new(type, $$"""{"n":{{n}},"text":"naïve — ☃"}""", T0.AddSeconds(n), actor);

    [Fact]
    public async Task AppendedEventsReadBackUnchanged()
    {
        var stream = NewId("dialogue");
        var appended = await Store.AppendAsync(stream, stream, 0, [Event("DialogueCreated", 1), Event("PhaseSet", 2, "bob")]);

        var read = await Store.ReadStreamAsync(stream);

        Assert.Equal(appended, read);
        Assert.Equal(["DialogueCreated", "PhaseSet"], read.Select(e => e.Type));
        Assert.Equal(["alice", "bob"], read.Select(e => e.Actor));
        Assert.Equal("""{"n":2,"text":"naïve — ☃"}""", read[1].PayloadJson);
        Assert.All(read, e => Assert.Equal(64, e.Hash.Length));
    }

    [Fact]
    public async Task VersionsContinueFromTheExpectedVersion()
    {
        var stream = NewId("statement");
        var first = await Store.AppendAsync(stream, "scope", 0, [Event("A", 1), Event("B", 2)]);
        var second = await Store.AppendAsync(stream, "scope", 2, [Event("C", 3)]);

        Assert.Equal([1L, 2L], first.Select(e => e.Version));
        Assert.Equal([3L], second.Select(e => e.Version));
        Assert.Equal([3L], (await Store.ReadStreamAsync(stream, afterVersion: 2)).Select(e => e.Version));
        Assert.True(second[0].Position > first[1].Position);
    }

    [Fact]
    public async Task AppendingNothingWritesNothing()
    {
        var stream = NewId("s");
        Assert.Empty(await Store.AppendAsync(stream, "scope", 0, []));
        Assert.Empty(await Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task StaleExpectedVersionIsAConflict()
    {
        var stream = NewId("s");
        await Store.AppendAsync(stream, "scope", 0, [Event("A")]);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(stream, "scope", 0, [Event("B")]));
        Assert.Equal(stream, conflict.StreamId);
        Assert.Equal(0, conflict.ExpectedVersion);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AppendAsync(stream, "scope", 5, [Event("B")]));
        Assert.Single(await Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task AWriterOfTheSameStreamWaitsForTheHeldOneAndThenConflicts()
    {
        var stream = NewId("s");
        await Store.AppendAsync(stream, "scope", 0, [Event("Created")]);

        var race = await RaceAgainstHeldWriterAsync((stream, "scope", 1), (stream, "scope", 1));

        Assert.False(race.SecondFinishedWhileFirstHeld);
        Assert.Null(race.First);
        Assert.IsType<ConcurrencyConflictException>(race.Second);
        Assert.Equal(["Created", "ByFirst"], (await Store.ReadStreamAsync(stream)).Select(e => e.Type));
        Assert.True((await Store.VerifyChainAsync(stream)).IsIntact);
    }

    [Fact]
    public async Task TheUniqueIndexStopsTwoWritersThatBothPassedTheVersionCheck()
    {
        // Writers of one stream under two scopes do not queue on the scope lock, so on a server
        // database both pass the version check and only the unique index can stop the second.
        var stream = NewId("s");
        await Store.AppendAsync(stream, "scope", 0, [Event("Created")]);

        var race = await RaceAgainstHeldWriterAsync((stream, NewId("scope"), 1), (stream, NewId("scope"), 1));

        var (winner, loser) = database.WritersQueueAtBegin ? (race.First, race.Second) : (race.Second, race.First);
        Assert.Null(winner);
        Assert.IsType<ConcurrencyConflictException>(loser);
        Assert.Equal(!database.WritersQueueAtBegin, race.SecondFinishedWhileFirstHeld);
        Assert.Equal(2, (await Store.ReadStreamAsync(stream)).Count);
        Assert.True((await Store.VerifyChainAsync(stream)).IsIntact);
    }

    [Fact]
    public async Task AppendsWithinAScopeBecomeVisibleInPositionOrder()
    {
        var scope = NewId("dialogue");
        var (dialogue, statement) = (NewId("dialogue"), NewId("statement"));

        var race = await RaceAgainstHeldWriterAsync((dialogue, scope, 0), (statement, scope, 0));

        Assert.Null(race.First);
        Assert.Null(race.Second);
        Assert.False(race.SecondFinishedWhileFirstHeld);
        Assert.Equal(["ByFirst", "BySecond"], (await Store.ReadScopeAsync(scope)).Select(e => e.Type));
    }

    [Fact]
    public async Task RacingWritersAtTheSameVersionNeverBothWin()
    {
        var stream = NewId("s");
        const int rounds = 10;
        for (var version = 0; version < rounds; version++)
        {
            var expected = version;
            using var start = new Barrier(2);
            var racers = Enumerable.Range(0, 2).Select(racer => Task.Run(() =>
            {
                start.SignalAndWait();
                return new EfEventStore(database.Contexts).AppendAsync(stream, "scope", expected, [Event($"Racer{racer}", expected)]);
            }));
            var outcomes = await Task.WhenAll(racers.Select(OutcomeOf));

            Assert.Single(outcomes, o => o is null);
            Assert.Single(outcomes, o => o is ConcurrencyConflictException);
        }

        var events = await Store.ReadStreamAsync(stream);
        Assert.Equal(Enumerable.Range(1, rounds).Select(v => (long)v), events.Select(e => e.Version));
        Assert.True((await Store.VerifyChainAsync(stream)).IsIntact);
    }

    [Fact]
    public async Task OccurredAtIsStoredAsUtcMicrosecondsAndHashesTheSameAfterReading()
    {
        var stream = NewId("s");
        var local = new DateTimeOffset(2025, 6, 1, 23, 59, 59, TimeSpan.FromHours(8)).AddTicks(1_234_567);

        var appended = await Store.AppendAsync(stream, "scope", 0, [new EventToAppend("A", "{}", local, "alice")]);
        var read = Assert.Single(await Store.ReadStreamAsync(stream));

        Assert.Equal(TimeSpan.Zero, read.OccurredAt.Offset);
        Assert.Equal(local.UtcDateTime.AddTicks(-7), read.OccurredAt.UtcDateTime);
        Assert.Equal(appended[0].OccurredAt, read.OccurredAt);
        Assert.Equal(EventHash.Leaf(read), read.Leaf);
        Assert.Equal(EventHash.Link("", read.Leaf), read.Hash);
    }

    [Fact]
    public async Task HashChainLinksEachEventToThePreviousOne()
    {
        var stream = NewId("s");
        await Store.AppendAsync(stream, "scope", 0, [Event("A", 1), Event("B", 2)]);
        await Store.AppendAsync(stream, "scope", 2, [Event("C", 3)]);
        var events = await Store.ReadStreamAsync(stream);

        Assert.All(events, e => Assert.Equal(EventHash.Leaf(e), e.Leaf));
        Assert.Equal(EventHash.Link("", events[0].Leaf), events[0].Hash);
        Assert.Equal(EventHash.Link(events[0].Hash, events[1].Leaf), events[1].Hash);
        Assert.Equal(EventHash.Link(events[1].Hash, events[2].Leaf), events[2].Hash);
        Assert.Equal(3, events.Select(e => e.Salt).Distinct().Count());
        var verification = await Store.VerifyChainAsync(stream);
        Assert.True(verification.IsIntact);
        Assert.Equal(3, verification.HeadVersion);
        Assert.Equal(3, verification.EventsChecked);
        Assert.Equal(events[2].Hash, verification.HeadHash);
    }

    /// <summary>
    /// Editing a stored payload or deleting a stored event, by hand in the database, on version 2
    /// of 3 (raw SQL: <c>{0}</c> the stream, <c>{1}</c> the version, <c>{{</c> a literal brace).
    /// </summary>
    public static TheoryData<string, string, string> Tamperings => new()
    {
        { "edit the payload", """UPDATE "Events" SET "PayloadJson" = '{{"n":2,"text":"rewritten"}}' WHERE "StreamId" = {0} AND "Version" = {1}""", ChainProblems.LeafMismatch },
        { "change the salt", """UPDATE "Events" SET "Salt" = '0000000000000000000000000000000000000000000000000000000000000000' WHERE "StreamId" = {0} AND "Version" = {1}""", ChainProblems.LeafMismatch },
        { "change the hash", """UPDATE "Events" SET "Hash" = '0000000000000000000000000000000000000000000000000000000000000000' WHERE "StreamId" = {0} AND "Version" = {1}""", ChainProblems.HashMismatch },
        { "delete the event", """DELETE FROM "Events" WHERE "StreamId" = {0} AND "Version" = {1}""", ChainProblems.MissingVersion },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperingWithAStoredEventBreaksTheChainAtItsVersion(string tampering, string sql, string problem)
    {
        var stream = NewId("s");
        await Store.AppendAsync(stream, "scope", 0, [Event("A", 1), Event("B", 2), Event("C", 3)]);

        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            var changed = await db.Database.ExecuteSqlRawAsync(sql, stream, 2L);
            Assert.True(changed == 1, $"{tampering}: {changed} rows changed");
        }

        var verification = await Store.VerifyChainAsync(stream);
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBreak!.Version);
        Assert.Equal(problem, verification.FirstBreak.Problem);
        Assert.Equal(1, verification.EventsChecked);
    }

    [Fact]
    public async Task AnEmptyStreamVerifiesAsIntactWithNoHead()
    {
        var verification = await Store.VerifyChainAsync(NewId("s"));
        Assert.True(verification.IsIntact);
        Assert.Equal(0, verification.HeadVersion);
        Assert.Null(verification.HeadHash);
    }

    [Fact]
    public async Task ReadScopeOrdersEventsOfAllItsStreamsByPosition()
    {
        var scope = NewId("dialogue");
        var dialogue = scope;
        var statement = NewId("statement");
        var elsewhere = NewId("statement");
        await Store.AppendAsync(dialogue, scope, 0, [Event("D1", 1)]);
        await Store.AppendAsync(statement, scope, 0, [Event("S1", 2)]);
        await Store.AppendAsync(elsewhere, NewId("other"), 0, [Event("X1", 3)]);
        await Store.AppendAsync(dialogue, scope, 1, [Event("D2", 4)]);
        await Store.AppendAsync(statement, scope, 1, [Event("S2", 5), Event("S3", 6)]);

        var all = await Store.ReadScopeAsync(scope);

        Assert.Equal(["D1", "S1", "D2", "S2", "S3"], all.Select(e => e.Type));
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.All(all, e => Assert.Equal(scope, e.Scope));
        var missed = await Store.ReadScopeAsync(scope, afterPosition: all[2].Position);
        Assert.Equal(["S2", "S3"], missed.Select(e => e.Type));
    }

    [Fact]
    public async Task AScopeReadsInPagesThatEndWhereTheWholeReadEnds()
    {
        var scope = NewId("dialogue");
        var statement = NewId("statement");
        await Store.AppendAsync(scope, scope, 0, [Event("D1", 1)]);
        await Store.AppendAsync(statement, scope, 0, [.. Enumerable.Range(2, 9).Select(n => Event($"S{n}", n))]);
        var whole = await Store.ReadScopeAsync(scope);

        var paged = new List<StoredEvent>();
        for (var page = await Store.ReadScopeAsync(scope, 0, 4); page.Count > 0; page = await Store.ReadScopeAsync(scope, paged[^1].Position, 4))
        {
            Assert.InRange(page.Count, 1, 4);
            paged.AddRange(page);
        }

        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task TheStreamsWrittenAfterAPositionAreListedWithTheirScopeAndLastPosition()
    {
        var (scope, other) = (NewId("dialogue"), NewId("dialogue"));
        var (statement, quiet) = (NewId("statement"), NewId("statement"));
        await Store.AppendAsync(quiet, scope, 0, [Event("Q1", 1)]);
        var before = await Store.LastPositionAsync();
        var s = await Store.AppendAsync(statement, scope, 0, [Event("S1", 2), Event("S2", 3)]);
        var d = await Store.AppendAsync(other, other, 0, [Event("D1", 4)]);

        // Other tests write to the same database meanwhile: only this test's streams are looked at.
        var written = (await Store.ListStreamsAfterAsync(before)).Where(w => w.Scope == scope || w.Scope == other).ToList();

        Assert.Equal([new WrittenStream(scope, statement, s[^1].Position), new WrittenStream(other, other, d[0].Position)], written.OrderBy(w => w.LastPosition));
        Assert.True(await Store.LastPositionAsync() >= d[0].Position);
    }

    [Fact]
    public async Task SnapshotsKeepTheNewest()
    {
        var stream = NewId("s");
        Assert.Null(await Store.LoadSnapshotAsync(stream));

        await Store.SaveSnapshotAsync(new Snapshot(stream, 5, """{"v":5}""", T0));
        await Store.SaveSnapshotAsync(new Snapshot(stream, 3, """{"v":3}""", T0.AddMinutes(1)));
        Assert.Equal(new Snapshot(stream, 5, """{"v":5}""", T0), await Store.LoadSnapshotAsync(stream));

        await Store.SaveSnapshotAsync(new Snapshot(stream, 7, """{"v":7}""", T0.AddMinutes(2)));
        Assert.Equal(new Snapshot(stream, 7, """{"v":7}""", T0.AddMinutes(2)), await Store.LoadSnapshotAsync(stream));
    }

    /// <summary>
    /// A state too big for one string is saved from a stream (the review trace of an imported conversation):
    /// read back as the same text, non-ASCII and over many buffers, and the newest kept as with a string.
    /// </summary>
    [Fact]
    public async Task SnapshotsSavedFromAStreamReadBackAsTheTextWrittenAndKeepTheNewest()
    {
        var stream = NewId("s");
        static MemoryStream Utf8(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
        var big = "{\"v\":\"" + string.Concat(Enumerable.Repeat("Région — 区域 ", 40_000)) + "\"}";

        // From a stream's position on: what comes before it is not the state.
        using (var json = Utf8("garbage" + big))
        {
            json.Position = System.Text.Encoding.UTF8.GetByteCount("garbage");
            await Store.SaveSnapshotAsync(stream, 5, json, T0);
        }
        Assert.Equal(new Snapshot(stream, 5, big, T0), await Store.LoadSnapshotAsync(stream));

        using (var older = Utf8("""{"v":3}"""))
            await Store.SaveSnapshotAsync(stream, 3, older, T0.AddMinutes(1));
        Assert.Equal(new Snapshot(stream, 5, big, T0), await Store.LoadSnapshotAsync(stream));

        using (var newer = Utf8("""{"v":7}"""))
            await Store.SaveSnapshotAsync(stream, 7, newer, T0.AddMinutes(2));
        Assert.Equal(new Snapshot(stream, 7, """{"v":7}""", T0.AddMinutes(2)), await Store.LoadSnapshotAsync(stream));
    }

    /// <summary>
    /// A snapshot read as a stream (how a grain and the review load a state of hundreds of megabytes) is the text
    /// it was saved as, whichever way it was saved; and the read holds nobody back: while it is half read, another
    /// stream is appended to and this very snapshot replaced, and the read still ends with the text it began with.
    /// </summary>
    [Fact]
    public async Task ASnapshotReadAsAStreamIsItsTextAndItsReadHoldsNoWriterBack()
    {
        var fromText = NewId("s");
        var fromStream = NewId("s");
        var big = "{\"v\":\"" + string.Concat(Enumerable.Repeat("Région — 区域 ", 40_000)) + "\"}";
        Assert.Null(await Store.LoadSnapshotAsync(fromText, ReadTextAsync));

        await Store.SaveSnapshotAsync(new Snapshot(fromText, 5, big, T0));
        using (var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big)))
            await Store.SaveSnapshotAsync(fromStream, 6, json, T0.AddMinutes(1));

        Assert.Equal(new SnapshotOf<string>(fromText, 5, big, T0), await Store.LoadSnapshotAsync(fromText, ReadTextAsync));
        Assert.Equal(new SnapshotOf<string>(fromStream, 6, big, T0.AddMinutes(1)), await Store.LoadSnapshotAsync(fromStream, ReadTextAsync));

        var other = NewId("s");
        var read = await Store.LoadSnapshotAsync(fromText, async (json, cancellationToken) =>
        {
            var half = new byte[json.Length / 2];
            await json.ReadExactlyAsync(half, cancellationToken);
            using var writers = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Store.AppendAsync(other, "scope-" + other, 0, [new EventToAppend("Happened", "{}", T0, "alice")], writers.Token);
            await Store.SaveSnapshotAsync(new Snapshot(fromText, 9, """{"v":9}""", T0.AddMinutes(2)), writers.Token);
            var rest = new MemoryStream();
            await json.CopyToAsync(rest, cancellationToken);
            return System.Text.Encoding.UTF8.GetString([.. half, .. rest.ToArray()]);
        });

        Assert.Equal(big, read!.State);
        Assert.Single(await Store.ReadStreamAsync(other));
        Assert.Equal(9, (await Store.LoadSnapshotAsync(fromText))!.Version);
    }

    private static async ValueTask<string> ReadTextAsync(Stream json, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(json, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    [Fact]
    public async Task OversizedIdentifiersAreRefusedBeforeTouchingTheDatabase()
    {
        var tooLong = new string('x', ColumnLimits.StreamId + 1);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(tooLong, "scope", 0, [Event("A")]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("s", "scope", 0, [Event(new string('t', ColumnLimits.EventType + 1))]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AppendAsync("s", "scope", -1, [Event("A")]));
    }

    /// <summary>
    /// Starts a first append that stops inside its transaction, right after its version check,
    /// then a second append; the first goes on once the second has finished or a second has
    /// passed, whichever is sooner. Returns what each append threw (null when it succeeded).
    /// </summary>
    private async Task<(Exception? First, Exception? Second, bool SecondFinishedWhileFirstHeld)> RaceAgainstHeldWriterAsync(
        (string Stream, string Scope, long Expected) firstAppend,
        (string Stream, string Scope, long Expected) secondAppend)
    {
        var firstInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondFinishedWhileFirstHeld = false;
        var first = new EfEventStore(database.Contexts)
        {
            AfterVersionCheck = async cancellationToken =>
            {
                firstInside.TrySetResult();
                var finished = await Task.WhenAny(secondDone.Task, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken));
                secondFinishedWhileFirstHeld = finished == secondDone.Task;
            },
        };
        var second = new EfEventStore(database.Contexts);

        var firstTask = Task.Run(() => first.AppendAsync(firstAppend.Stream, firstAppend.Scope, firstAppend.Expected, [Event("ByFirst")]));
        await firstInside.Task;
        var secondTask = Task.Run(async () =>
        {
            try
            {
                return await second.AppendAsync(secondAppend.Stream, secondAppend.Scope, secondAppend.Expected, [Event("BySecond")]);
            }
            finally
            {
                secondDone.TrySetResult();
            }
        });
        var outcomes = await Task.WhenAll(OutcomeOf(firstTask), OutcomeOf(secondTask));
        return (outcomes[0], outcomes[1], secondFinishedWhileFirstHeld);
    }

    private static async Task<Exception?> OutcomeOf(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
