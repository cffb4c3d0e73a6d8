using Deliberation.Domain.Review;
using Deliberation.Persistence.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.Persistence.Tests;

public sealed class SqliteImportStagingTests(SqliteDatabaseFixture database) : ImportStagingTests<SqliteDatabaseFixture>(database);

public sealed class PostgresImportStagingTests(PostgresDatabaseFixture database) : ImportStagingTests<PostgresDatabaseFixture>(database);

/// <summary>
/// An import's staged appends (docs/architecture.md, "Imports: a job, staged, made visible in one step") go in
/// by plain prepared inserts, not EF Core's tracked ones; what they store must be what an ordinary append
/// stores: the same versions, payloads and times, a chain that verifies, and the version check.
/// </summary>
public abstract class ImportStagingTests<TFixture>(TFixture database) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    // Microseconds and a non-UTC offset: the stored time is normalised the same way either path.
    private static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    private IImportStaging Staging => database.Services.GetRequiredService<IImportStaging>();

    private static List<EventToAppend> Events(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(n => new EventToAppend("PositionTaken", $$"""{"n":{{n}},"text":"naïve — ☃ 'quoted' \"too\""}""", T0.AddSeconds(n), n % 2 == 0 ? "alice" : ""))];

    [Fact]
    public async Task StagedEventsReadBackAsAppendedAndTheirChainVerifies()
    {
        var stagingScope = StagingScopes.Of(Guid.NewGuid());
        var scope = $"dialogue-{Guid.NewGuid():N}";
        var stream = $"statement-{Guid.NewGuid():N}";
        // More than one prepared statement's rows, and a remainder, in each of two appends.
        var first = Events(1, 2 * 200 + 37);
        var second = Events(first.Count + 1, 211);
        await Staging.AppendAsync(stream, stagingScope, 0, first);
        await Staging.AppendAsync(stream, stagingScope, first.Count, second);

        Assert.True(await Staging.PromoteAsync(stagingScope, scope, first.Count + second.Count));
        var read = await database.Store.ReadStreamAsync(stream);

        Assert.Equal(Enumerable.Range(1, first.Count + second.Count).Select(n => (long)n), read.Select(e => e.Version));
        Assert.Equal(first.Concat(second).Select(e => (e.Type, e.PayloadJson, e.Actor)), read.Select(e => (e.Type, e.PayloadJson, e.Actor)));
        Assert.Equal(first.Concat(second).Select(e => StoredTime.Normalise(e.OccurredAt)), read.Select(e => e.OccurredAt));
        Assert.All(read, e => Assert.Equal(scope, e.Scope));
        Assert.Equal(read.Select(e => e.Position).Order(), read.Select(e => e.Position));
        Assert.True((await database.Store.VerifyChainAsync(stream)).IsIntact);
        Assert.Equal(read, await database.Store.ReadScopeAsync(scope));
    }

    [Fact]
    public async Task DiscardingAStagedStatementDropsItsReviewTraceWithItsSnapshot()
    {
        var stagingScope = StagingScopes.Of(Guid.NewGuid());
        var statementId = Guid.NewGuid();
        var stream = $"statement-{statementId:N}";
        // The review trace is keyed beside the statement's stream (docs/architecture.md, "Review"),
        // today's format and an older one alike.
        var trace = ReviewTraceSnapshot.KeyOf(statementId);
        var olderTrace = $"review-trace-{statementId:N}";
        var unrelated = ReviewTraceSnapshot.KeyOf(Guid.NewGuid());
        await Staging.AppendAsync(stream, stagingScope, 0, Events(1, 3));
        foreach (var key in new[] { stream, trace, olderTrace, unrelated })
            await database.Store.SaveSnapshotAsync(new Snapshot(key, 3, "{}", T0));

        await Staging.DiscardAsync(stagingScope);

        Assert.Null(await database.Store.LoadSnapshotAsync(stream));
        Assert.Null(await database.Store.LoadSnapshotAsync(trace));
        Assert.Null(await database.Store.LoadSnapshotAsync(olderTrace));
        Assert.NotNull(await database.Store.LoadSnapshotAsync(unrelated));
    }

    [Fact]
    public async Task AStagedAppendAtAStaleVersionIsAConflictAndWritesNothing()
    {
        var stagingScope = StagingScopes.Of(Guid.NewGuid());
        var stream = $"statement-{Guid.NewGuid():N}";
        await Staging.AppendAsync(stream, stagingScope, 0, Events(1, 3));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Staging.AppendAsync(stream, stagingScope, 0, Events(4, 250)));
        Assert.Equal(3, (await database.Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task OnlyAStagingScopeIsAppendedToThisWay() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Staging.AppendAsync($"s-{Guid.NewGuid():N}", "dialogue-1", 0, Events(1, 1)));
}
