using Deliberation.Domain.Review;
using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Tests;

public sealed class SqliteImportStagingTests(SqliteDatabaseFixture database) : ImportStagingTests<SqliteDatabaseFixture>(database);

public sealed class PostgresImportStagingTests(PostgresDatabaseFixture database) : ImportStagingTests<PostgresDatabaseFixture>(database);

/// <summary>
/// An import's staged appends (docs/architecture.md, "Imports: a job, staged, made visible in one step") go in
/// by plain prepared inserts, not EF Core's tracked ones; what they store must be what an ordinary append
/// stores: the same versions, payloads and times, a chain that verifies, and the version check. They go under
/// the dialogue's own scope marked pending, which no read sees until the one-row promotion.
/// </summary>
public abstract class ImportStagingTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    // Microseconds and a non-UTC offset: the stored time is normalised the same way either path.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    private IImportStaging Staging => database.Services.GetRequiredService<IImportStaging>();

    // Runs of equal types, times and actors, and changes between them: the SQLite insert binds a value
    // only when it differs from the row before's.
    private static List<EventToAppend> Events(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(n => new EventToAppend(n % 5 < 3 ? "PositionTaken" : "ClauseProposed",
            $$"""{"n":{{n}},"text":"naïve — ☃ 'quoted' \"too\""}""", T0.AddSeconds(n / 3), n % 7 < 4 ? "alice" : ""))];

    private static string NewScope() => $"{Guid.NewGuid():N}";

    [Fact]
    public async Task StagedEventsReadBackAsAppendedAndTheirChainVerifies()
    {
        var scope = NewScope();
        var stream = $"statement-{Guid.NewGuid():N}";
        // More than one prepared statement's rows, and a remainder, in each of two appends.
        var first = Events(1, 2 * 200 + 37);
        var second = Events(first.Count + 1, 211);
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(stream, scope, 0, first);
        await Staging.AppendAsync(stream, scope, first.Count, second);

        Assert.True(await Staging.PromoteAsync(scope));
        var read = await database.Store.ReadStreamAsync(stream);

        Assert.Equal(Enumerable.Range(1, first.Count + second.Count).Select(n => (long)n), read.Select(e => e.Version));
        Assert.Equal(first.Concat(second).Select(e => (e.Type, e.PayloadJson, e.Actor)), read.Select(e => (e.Type, e.PayloadJson, e.Actor)));
        Assert.Equal(first.Concat(second).Select(e => StoredTime.Normalise(e.OccurredAt)), read.Select(e => e.OccurredAt));
        Assert.All(read, e => Assert.Equal(scope, e.Scope));
        Assert.Equal(read.Select(e => e.Position).Order(), read.Select(e => e.Position));
        Assert.True((await database.Store.VerifyChainAsync(stream)).IsIntact);
        Assert.Equal(read, await database.Store.ReadScopeAsync(scope));
    }

    /// <summary>
    /// A stream's version as a freshly activated dialogue reads its statements' (docs/architecture.md,
    /// "Calls that wait"): its last event's, and none while its import is staged, as for every read.
    /// </summary>
    [Fact]
    public async Task AStreamsVersionIsItsLastEventsAndNoneWhileItsImportIsStaged()
    {
        var (ordinary, itsScope) = ($"statement-{Guid.NewGuid():N}", NewScope());
        await database.Store.AppendAsync(ordinary, itsScope, 0, Events(1, 3));
        await database.Store.AppendAsync(ordinary, itsScope, 3, Events(4, 2));
        var scope = NewScope();
        var staged = $"statement-{Guid.NewGuid():N}";
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(staged, scope, 0, Events(1, 7));

        Assert.Equal(5, await database.Store.StreamVersionAsync(ordinary));
        Assert.Equal(0, await database.Store.StreamVersionAsync($"statement-{Guid.NewGuid():N}"));
        Assert.Equal(0, await database.Store.StreamVersionAsync(staged));
        Assert.True(await Staging.PromoteAsync(scope));
        Assert.Equal(7, await database.Store.StreamVersionAsync(staged));
    }

    /// <summary>
    /// A provider may insert staged rows its own way (SQLite binds them by place through its own API): the
    /// columns must hold, as the database itself spells them, what an ordinary append's hold for the same events.
    /// </summary>
    [Fact]
    public async Task AStagedRowIsStoredAsAnOrdinaryAppendStoresTheSameEvent()
    {
        var events = Events(1, 23);
        var ordinary = $"statement-{Guid.NewGuid():N}";
        await database.Store.AppendAsync(ordinary, NewScope(), 0, events);
        var scope = NewScope();
        var staged = $"statement-{Guid.NewGuid():N}";
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(staged, scope, 0, events);
        Assert.True(await Staging.PromoteAsync(scope));

        Assert.Equal(await StoredTextAsync(ordinary), await StoredTextAsync(staged));
    }

    /// <summary>Every column but the stream's own and the chain's, as the database's text.</summary>
    private async Task<List<string>> StoredTextAsync(string stream)
    {
        await using var db = await database.Contexts.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<string>(
            """
            SELECT CAST("Version" AS TEXT) || '|' || "Type" || '|' || "PayloadJson" || '|' || CAST("OccurredAt" AS TEXT) || '|' || "Actor" AS "Value"
            FROM "Events" WHERE "StreamId" = {0} ORDER BY "Version"
            """, stream).ToListAsync();
    }

    /// <summary>
    /// The attacker's view of the store while an import is still writing: she knows the dialogue's scope
    /// and its streams (say, guessed) and asks every read there is. Nothing of it shows until the
    /// promotion, then all of it does, in one step.
    /// </summary>
    [Fact]
    public async Task APendingImportIsInvisibleToEveryReadUntilItsOneRowPromotion()
    {
        var scope = NewScope();
        var dialogueStream = $"dialogue-{scope}";
        var statementStream = $"statement-{Guid.NewGuid():N}";
        var before = await database.Store.LastPositionAsync();
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(dialogueStream, scope, 0, Events(1, 5));
        await Staging.AppendAsync(statementStream, scope, 0, Events(6, 250));
        await database.Store.SaveSnapshotAsync(new Snapshot(statementStream, 250, "{}", T0));

        Assert.Empty(await database.Store.ReadStreamAsync(dialogueStream));
        Assert.Empty(await database.Store.ReadStreamAsync(statementStream));
        Assert.Empty(await database.Store.ReadScopeAsync(scope));
        Assert.Empty(await database.Store.ReadScopeAsync(scope, 0, 100));
        Assert.DoesNotContain(await database.Store.ListStreamsAfterAsync(before), s => s.Scope == scope);
        Assert.Empty(await database.Store.ListStreamsAsync(scope));
        Assert.DoesNotContain(statementStream, await database.Store.ListStreamsAsync());
        Assert.Null(await database.Store.LoadSnapshotAsync(statementStream));
        Assert.Null(await database.Store.LoadSnapshotAsync(statementStream, (json, _) => ValueTask.FromResult(json.Length)));
        Assert.Equal(0, (await database.Store.VerifyChainAsync(statementStream)).EventsChecked);

        Assert.True(await Staging.PromoteAsync(scope));

        Assert.Equal(5, (await database.Store.ReadStreamAsync(dialogueStream)).Count);
        Assert.Equal(255, (await database.Store.ReadScopeAsync(scope)).Count);
        Assert.Contains(await database.Store.ListStreamsAfterAsync(before), s => s.Scope == scope && s.StreamId == statementStream);
        Assert.Equal([dialogueStream, statementStream], (await database.Store.ListStreamsAsync(scope)).Order(StringComparer.Ordinal));
        Assert.NotNull(await database.Store.LoadSnapshotAsync(statementStream));
        Assert.Equal(2, (await database.Store.LoadSnapshotAsync(statementStream, (json, _) => ValueTask.FromResult(json.Length)))?.State);
        Assert.True((await database.Store.VerifyChainAsync(statementStream)).IsIntact);
    }

    /// <summary>
    /// A staged statement's snapshot goes in from a stream of UTF-8 bytes (docs/performance.md, "Imports of
    /// any size": never one string of the whole statement), and reads back as the same text, whatever
    /// characters it holds and however many buffers it spans, replacing any snapshot the stream had;
    /// like the events, it shows only after the promotion.
    /// </summary>
    [Fact]
    public async Task AStagedSnapshotFromUtf8BytesReadsBackAsTheSameTextAfterThePromotion()
    {
        var scope = NewScope();
        var stream = $"statement-{Guid.NewGuid():N}";
        var state = "{\"positions\":[" + string.Join(",", Enumerable.Range(0, 20_000).Select(n => $"\"naïve — ☃ 😀 {n}\"")) + "]}";
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(stream, scope, 0, Events(1, 3));
        await database.Store.SaveSnapshotAsync(new Snapshot(stream, 2, "{\"older\":true}", T0));

        using (var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(state)))
            await Staging.SaveSnapshotAsync(scope, stream, 3, json, T0);

        Assert.Null(await database.Store.LoadSnapshotAsync(stream));
        Assert.True(await Staging.PromoteAsync(scope));
        var saved = await database.Store.LoadSnapshotAsync(stream);
        Assert.NotNull(saved);
        Assert.Equal((3L, state, StoredTime.Normalise(T0)), (saved.Version, saved.StateJson, saved.TakenAt));
    }

    [Fact]
    public async Task AStagedSnapshotAfterADiscardIsRefusedAndSavesNothing()
    {
        var scope = NewScope();
        var stream = $"statement-{Guid.NewGuid():N}";
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(stream, scope, 0, Events(1, 3));
        await Staging.DiscardAsync(scope);

        using var json = new MemoryStream("{}"u8.ToArray());
        await Assert.ThrowsAsync<ImportDiscardedException>(() => Staging.SaveSnapshotAsync(scope, stream, 3, json, T0));
        Assert.Null(await database.Store.LoadSnapshotAsync(stream));
    }

    [Fact]
    public async Task ADiscardUnderTheJobFailsItsNextAppendAndItsPromotionAndLeavesNothing()
    {
        var scope = NewScope();
        var stream = $"statement-{Guid.NewGuid():N}";
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(stream, scope, 0, Events(1, 3));

        // What a node starting meanwhile does (docs/architecture.md, "Imports": crash recovery).
        Assert.True(await Staging.DiscardAsync() >= 3);

        await Assert.ThrowsAsync<ImportDiscardedException>(() => Staging.AppendAsync(stream, scope, 0, Events(1, 3)));
        Assert.False(await Staging.PromoteAsync(scope));
        Assert.Empty(await database.Store.ReadScopeAsync(scope));
        Assert.Empty(await database.Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task ADiscardTouchesOnlyPendingScopes()
    {
        var live = NewScope();
        var liveStream = $"dialogue-{live}";
        await database.Store.AppendAsync(liveStream, live, 0, Events(1, 2));
        var promoted = NewScope();
        await Staging.BeginAsync(promoted);
        await Staging.AppendAsync($"dialogue-{promoted}", promoted, 0, Events(1, 2));
        Assert.True(await Staging.PromoteAsync(promoted));

        await Staging.DiscardAsync();
        await Staging.DiscardAsync(live);

        Assert.Equal(2, (await database.Store.ReadScopeAsync(live)).Count);
        Assert.Equal(2, (await database.Store.ReadScopeAsync(promoted)).Count);
    }

    [Fact]
    public async Task AnImportBeginsOnlyInAScopeWithoutEvents()
    {
        var live = NewScope();
        await database.Store.AppendAsync($"dialogue-{live}", live, 0, Events(1, 1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Staging.BeginAsync(live));
        Assert.Single(await database.Store.ReadScopeAsync(live));
    }

    [Fact]
    public async Task DiscardingAStagedStatementDropsItsReviewTraceWithItsSnapshot()
    {
        var scope = NewScope();
        var statementId = Guid.NewGuid();
        var stream = $"statement-{statementId:N}";
        // The review trace is keyed beside the statement's stream (docs/architecture.md, "Review"),
        // today's format and an older one alike.
        var trace = ReviewTraceSnapshot.KeyOf(statementId);
        var olderTrace = $"review-trace-{statementId:N}";
        var unrelated = ReviewTraceSnapshot.KeyOf(Guid.NewGuid());
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(stream, scope, 0, Events(1, 3));
        foreach (var key in new[] { stream, trace, olderTrace, unrelated })
            await database.Store.SaveSnapshotAsync(new Snapshot(key, 3, "{}", T0));

        await Staging.DiscardAsync(scope);

        Assert.Null(await database.Store.LoadSnapshotAsync(stream));
        Assert.Null(await database.Store.LoadSnapshotAsync(trace));
        Assert.Null(await database.Store.LoadSnapshotAsync(olderTrace));
        Assert.NotNull(await database.Store.LoadSnapshotAsync(unrelated));
        Assert.False(await Staging.PromoteAsync(scope));
    }

    [Fact]
    public async Task AStagedAppendAtAStaleVersionIsAConflictAndWritesNothing()
    {
        var scope = NewScope();
        var stream = $"statement-{Guid.NewGuid():N}";
        await Staging.BeginAsync(scope);
        await Staging.AppendAsync(stream, scope, 0, Events(1, 3));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Staging.AppendAsync(stream, scope, 0, Events(4, 250)));
        Assert.True(await Staging.PromoteAsync(scope));
        Assert.Equal(3, (await database.Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task OnlyAPendingScopeIsAppendedToThisWay() =>
        await Assert.ThrowsAsync<ImportDiscardedException>(() => Staging.AppendAsync($"s-{Guid.NewGuid():N}", NewScope(), 0, Events(1, 1)));
}
