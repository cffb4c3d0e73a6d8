using Deliberation.Domain;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.EventSourcing;

/// <summary>
/// The state of one event stream held by a grain: loaded from the newest snapshot plus the events
/// after it, and advanced only after the store has committed. Snapshots are a cache: one that no
/// longer reads is ignored and the stream is replayed.
/// </summary>
public sealed class EventSourcedStream<TState, TEvent>(
    IEventStore store,
    ILogger logger,
    string streamId,
    Func<TState> initial,
    Func<TState, TEvent, EventMeta, TState> apply,
    Func<TState, long> versionOf)
    where TEvent : DomainEvent
{
    private const int SnapshotEvery = 500;
    private long lastSnapshot;

    public TState State { get; private set; } = initial();

    public string StreamId => streamId;

    public long Version => versionOf(State);

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        State = initial();
        if (await store.LoadSnapshotAsync(streamId, cancellationToken) is { } snapshot)
        {
            try
            {
                State = DomainJson.Deserialize<TState>(snapshot.StateJson);
                lastSnapshot = snapshot.Version;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
            {
                logger.LogWarning(e, "Snapshot of {Stream} at {Version} no longer reads; replaying from the start", streamId, snapshot.Version);
                State = initial();
            }
        }
        foreach (var stored in await store.ReadStreamAsync(streamId, Version, cancellationToken))
        {
            var recorded = RecordedEvent.Decode(stored);
            State = apply(State, (TEvent)recorded.Event, recorded.Meta);
        }
    }

    /// <summary>
    /// Commits decided events, then applies them. Returns each event with the state before and after
    /// it, for observers such as the consensus tracker.
    /// </summary>
    /// <param name="scope">The dialogue (or other scope) the stream belongs to, as the caller knows it.</param>
    public async Task<IReadOnlyList<(TState Before, TEvent Event, TState After, StoredEvent Stored)>> CommitAsync(
        IReadOnlyList<TEvent> events, string scope, Guid actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var stored = await store.AppendAsync(streamId, scope, Version, [.. events.Select(e => RecordedEvent.Encode(e, actor, at))], cancellationToken);
        var applied = new List<(TState, TEvent, TState, StoredEvent)>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var before = State;
            State = apply(State, events[i], new EventMeta(stored[i].Version, stored[i].OccurredAt, actor));
            applied.Add((before, events[i], State, stored[i]));
        }
        if (Version - lastSnapshot >= SnapshotEvery)
            await SaveSnapshotAsync(at, cancellationToken);
        return applied;
    }

    private async Task SaveSnapshotAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveSnapshotAsync(new Snapshot(streamId, Version, DomainJson.Serialize(State), at), cancellationToken);
            lastSnapshot = Version;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The events are committed; a missing snapshot only makes the next load slower.
            logger.LogWarning(e, "Could not snapshot {Stream} at {Version}", streamId, Version);
        }
    }
}
