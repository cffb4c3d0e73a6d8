using Deliberation.Domain;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;

namespace Deliberation.Server.Polis;

/// <summary>
/// Appends an import's events to the store under the dialogue's pending scope, in batches of
/// <see cref="BatchSize"/>: each batch is one staged append (<see cref="IImportStaging.AppendAsync"/>: fresh
/// salts, the chain the store makes, plain prepared inserts), so memory holds one batch, and other
/// dialogues' commits interleave between batches.
/// Events are encoded as the grains encode them (<see cref="RecordedEvent.Encode"/>).
/// </summary>
public sealed class StagedWriter(IImportStaging store, string scope, Guid importer, DateTimeOffset at, Action<long> onWritten, ImportPhases phases)
{
    public const int BatchSize = 5_000;

    private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);

    public long Written { get; private set; }

    public async Task WriteAsync(string streamId, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
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
            // A version conflict here means someone discarded the staged rows under the job: it fails.
            await phases.TimeAsync("append", () => store.AppendAsync(streamId, scope, version, batch, cancellationToken));
            versions[streamId] = version + batch.Count;
            Written += batch.Count;
            onWritten(Written);
        }
    }

    /// <summary>The version a stream reached, for its snapshot.</summary>
    public long VersionOf(string streamId) => versions.GetValueOrDefault(streamId);
}
