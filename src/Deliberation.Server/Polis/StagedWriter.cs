using System.Threading.Channels;
using Deliberation.Domain;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;

namespace Deliberation.Server.Polis;

/// <summary>
/// Appends an import's events to the store under the dialogue's pending scope, in batches of
/// <see cref="BatchSize"/>: each batch is one staged append (<see cref="IImportStaging.AppendAsync"/>: fresh
/// salts, the chain the store makes, plain prepared inserts), so memory holds a few batches, and other
/// dialogues' commits interleave between batches.
/// Events are encoded as the grains encode them (<see cref="RecordedEvent.Encode"/>), on the caller's flow;
/// the appends run on a task of their own, one at a time and in the order handed in, with at most
/// <see cref="QueuedBatches"/> waiting. The store's inserts, most of a large import's time, so run beside
/// the deciding and encoding of what comes next, on another core (docs/performance.md, "Session 19: the
/// append beside the deciding").
/// </summary>
/// <remarks>
/// An append that fails stops the writing: the caller's next <see cref="WriteAsync"/>, or
/// <see cref="FinishAsync"/>, throws that append's error. Disposing stops appends still queued or running
/// (a refusal, or the caller's own error), so nothing is written after the caller gave up.
/// </remarks>
public sealed class StagedWriter : IAsyncDisposable
{
    public const int BatchSize = 5_000;

    /// <summary>
    /// Batches encoded and waiting for the store: enough that the appends never wait for the deciding (it is
    /// the quicker side), few enough that the queue holds megabytes, not the import.
    /// </summary>
    public const int QueuedBatches = 4;

    private sealed record Batch(string StreamId, long ExpectedVersion, List<EventToAppend> Events);

    private readonly IImportStaging store;
    private readonly string scope;
    private readonly Guid importer;
    private readonly DateTimeOffset at;
    private readonly Action<long> onWritten;
    private readonly ImportPhases phases;
    private readonly Channel<Batch> queue = Channel.CreateBounded<Batch>(
        new BoundedChannelOptions(QueuedBatches) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource stopping;
    private readonly Task appending;
    // Each stream's version as handed in; the appends reach it in their own time.
    private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);
    private long written;

    public StagedWriter(IImportStaging store, string scope, Guid importer, DateTimeOffset at, Action<long> onWritten, ImportPhases phases, CancellationToken cancellationToken)
    {
        (this.store, this.scope, this.importer, this.at, this.onWritten, this.phases) = (store, scope, importer, at, onWritten, phases);
        stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        appending = Task.Run(() => AppendQueuedAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>The events the store has taken so far.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Encodes <paramref name="events"/> and queues them for the store; waits while the queue is full.</summary>
    public async Task WriteAsync(string streamId, IReadOnlyList<DomainEvent> events)
    {
        for (var start = 0; start < events.Count; start += BatchSize)
        {
            var encoding = ImportPhases.Start();
            var batch = new List<EventToAppend>(Math.Min(BatchSize, events.Count - start));
            for (var i = start; i < events.Count && i < start + BatchSize; i++)
            {
                // An act of the system is recorded with nobody as its actor, as the grains record it.
                var e = events[i];
                batch.Add(RecordedEvent.Encode(e, e.IsTheSystemsAct() ? Guid.Empty : importer, at));
            }
            phases.Add("encode", encoding);
            var version = versions.GetValueOrDefault(streamId);
            versions[streamId] = version + batch.Count;
            var waiting = ImportPhases.Start();
            try
            {
                await queue.Writer.WriteAsync(new Batch(streamId, version, batch), stopping.Token);
            }
            catch (ChannelClosedException)
            {
                // The appends stopped on an error: that error, not the closed queue, is the caller's.
                await appending;
                throw;
            }
            phases.Add("wait for the store", waiting);
        }
    }

    /// <summary>Waits until the store has taken every batch handed in; throws an append's error.</summary>
    public async Task FinishAsync()
    {
        queue.Writer.TryComplete();
        await appending;
    }

    /// <summary>The version a stream reached, for its snapshot.</summary>
    public long VersionOf(string streamId) => versions.GetValueOrDefault(streamId);

    private async Task AppendQueuedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in queue.Reader.ReadAllAsync(cancellationToken))
            {
                var appendingAt = ImportPhases.Start();
                // A version conflict here means someone discarded the staged rows under the job: it fails.
                await store.AppendAsync(batch.StreamId, scope, batch.ExpectedVersion, batch.Events, cancellationToken);
                phases.Add("append", appendingAt);
                onWritten(Interlocked.Add(ref written, batch.Events.Count));
            }
        }
        catch
        {
            // The caller's next batch finds the queue closed, and this error in its place.
            queue.Writer.TryComplete();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        try
        {
            await appending;
        }
        catch (Exception)
        {
            // Stopped, or failed after the caller stopped listening: the caller's own outcome (a refusal,
            // its error, or the append's error it already had) is what it reports, and it discards the scope.
        }
        stopping.Dispose();
    }
}
