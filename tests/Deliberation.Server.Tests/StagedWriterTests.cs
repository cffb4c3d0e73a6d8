using Deliberation.Domain;
using Deliberation.Domain.Statements;
using Deliberation.Persistence;
using Deliberation.Persistence.Sqlite;
using Deliberation.Server.Polis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deliberation.Server.Tests;

/// <summary>
/// An import's writer hands its batches to the store on a task of its own while the caller decides what
/// comes next (docs/architecture.md, "Imports: a job, staged, made visible in one step"). Against a real
/// SQLite store whose appends a test can hold: the store gets every batch, in order, as one chain; the
/// caller waits once <see cref="StagedWriter.QueuedBatches"/> wait for the store, so memory holds a few
/// batches and not the import; an append's error is the caller's; and nothing is appended after the caller
/// gave up.
/// </summary>
public sealed class StagedWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 18, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new("deliberation-staged-writer");
    private ServiceProvider services = null!;
    private readonly string scope = StreamIds.Scope(Guid.NewGuid());
    private readonly string stream = StreamIds.Statement(Guid.NewGuid());

    private IImportStaging Staging => services.GetRequiredService<IImportStaging>();

    private IEventStore Store => services.GetRequiredService<IEventStore>();

    public async Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddDeliberationPersistence(options => options.UseDeliberationSqlite($"Data Source={folder.File("store.db")}"))
            .BuildServiceProvider();
        await services.MigrateDeliberationDatabaseAsync();
        await Staging.BeginAsync(scope);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task TheStoreTakesEveryBatchInOrderAsOneChain_AndTheCallerWaitsOnlyWhileTheQueueIsFull()
    {
        var held = new HeldStaging(Staging);
        var events = new ReadCounted(Positions((StagedWriter.QueuedBatches + 3) * StagedWriter.BatchSize + 123));
        var progress = new List<long>();
        await using var writer = Writer(held, written => { lock (progress) progress.Add(written); });

        var writing = writer.WriteAsync(stream, events);
        await held.FirstAppendArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // One batch held in the store's hands, QueuedBatches waiting, and the next one encoded: then the caller waits.
        var encodedWhenFull = (StagedWriter.QueuedBatches + 2) * StagedWriter.BatchSize;
        await Until(() => events.Read >= encodedWhenFull);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(encodedWhenFull, events.Read);
        Assert.False(writing.IsCompleted);
        Assert.Equal(1, held.Appends);

        held.Release();
        await writing;
        await writer.FinishAsync();

        Assert.Equal(events.Count, writer.Written);
        Assert.Equal(Enumerable.Range(1, (events.Count + StagedWriter.BatchSize - 1) / StagedWriter.BatchSize)
            .Select(b => Math.Min((long)b * StagedWriter.BatchSize, events.Count)), progress);
        Assert.True(await Staging.PromoteAsync(scope));
        var stored = await Store.ReadStreamAsync(stream);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.Equal(events.Select(e => ((PositionTaken)e).ParticipantId),
            stored.Select(e => ((PositionTaken)DomainJson.DeserializeEvent(e.Type, e.PayloadJson)).ParticipantId));
        Assert.True((await Store.VerifyChainAsync(stream)).IsIntact);
    }

    [Fact]
    public async Task AnAppendThatFailsIsTheCallersError_AndNothingIsAppendedAfterIt()
    {
        // The scope discarded for real before the second append, as a server starting beside the job would.
        var held = new HeldStaging(Staging, beforeAppend: n => n == 2 ? Staging.DiscardAsync(scope) : Task.CompletedTask);
        held.Release();
        await using var writer = Writer(held);

        await Assert.ThrowsAsync<ImportDiscardedException>(() => writer.WriteAsync(stream, Positions(10 * StagedWriter.BatchSize)));
        await Assert.ThrowsAsync<ImportDiscardedException>(writer.FinishAsync);

        Assert.Equal(2, held.Appends);
        Assert.Equal(StagedWriter.BatchSize, writer.Written);
        Assert.False(await Staging.PromoteAsync(scope));
        Assert.Empty(await Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task ACallerThatGivesUpStopsTheAppends_AndNothingIsWrittenAfterIt()
    {
        var held = new HeldStaging(Staging);
        var writer = Writer(held);
        // The first batch held in the store's hands, two more queued: the caller's writing returns.
        await writer.WriteAsync(stream, Positions(3 * StagedWriter.BatchSize));
        await held.FirstAppendArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // A refusal, or the caller's own error: it disposes the writer and discards the scope.
        await writer.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        held.Release();
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        Assert.Equal(1, held.Appends);
        Assert.Equal(0, writer.Written);
        Assert.True(await Staging.PromoteAsync(scope));
        Assert.Empty(await Store.ReadStreamAsync(stream));
    }

    private StagedWriter Writer(IImportStaging staging, Action<long>? onWritten = null) =>
        new(staging, scope, Guid.NewGuid(), At, onWritten ?? (_ => { }), new ImportPhases(NullLogger<ImportPhases>.Instance), CancellationToken.None);

    private static List<DomainEvent> Positions(int count) =>
        [.. Enumerable.Range(0, count).Select(n => (DomainEvent)new PositionTaken(Guid.NewGuid(), Guid.NewGuid(), null, 1, (PositionKind)(n % 4), null))];

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 30 s");
            await Task.Delay(10);
        }
    }

    /// <summary>The events, counting how far the writer has read them (it reads each once, in order, as it encodes).</summary>
    private sealed class ReadCounted(List<DomainEvent> events) : IReadOnlyList<DomainEvent>
    {
        private int read;

        public int Read => Volatile.Read(ref read);

        public DomainEvent this[int index]
        {
            get
            {
                Volatile.Write(ref read, Math.Max(read, index + 1));
                return events[index];
            }
        }

        public int Count => events.Count;

        public IEnumerator<DomainEvent> GetEnumerator() => events.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The real staging, with each append held until <see cref="Release"/> (or the append's cancellation).</summary>
    private sealed class HeldStaging(IImportStaging store, Func<int, Task>? beforeAppend = null) : IImportStaging
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int appends;

        public TaskCompletionSource FirstAppendArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Appends begun, held or not.</summary>
        public int Appends => Volatile.Read(ref appends);

        public void Release() => released.TrySetResult();

        public async Task AppendAsync(string streamId, string scope, long expectedVersion, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
        {
            var n = Interlocked.Increment(ref appends);
            FirstAppendArrived.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
            if (beforeAppend is not null)
                await beforeAppend(n);
            await store.AppendAsync(streamId, scope, expectedVersion, events, cancellationToken);
        }

        public Task BeginAsync(string scope, CancellationToken cancellationToken = default) => store.BeginAsync(scope, cancellationToken);

        public Task SaveSnapshotAsync(string scope, string streamId, long version, Stream stateJson, DateTimeOffset takenAt, CancellationToken cancellationToken = default) =>
            store.SaveSnapshotAsync(scope, streamId, version, stateJson, takenAt, cancellationToken);

        public Task<bool> PromoteAsync(string scope, CancellationToken cancellationToken = default) => store.PromoteAsync(scope, cancellationToken);

        public Task<int> DiscardAsync(string? scope = null, CancellationToken cancellationToken = default) => store.DiscardAsync(scope, cancellationToken);
    }
}
