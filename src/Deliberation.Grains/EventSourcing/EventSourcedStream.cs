using Deliberation.Domain;
using Deliberation.Persistence;
using Microsoft.Extensions.Logging;

namespace Deliberation.Grains.EventSourcing;

/// <summary>
/// The state of one event stream held by a grain: loaded from the newest snapshot plus the events
/// after it, and advanced only after the store has committed. Snapshots are a cache: one that no
/// longer reads is ignored and the stream is replayed. <see cref="ExecuteAsync"/> is the one command
/// pipeline every event-sourced grain runs (docs/architecture.md, "A command's path"). Every load
/// verifies the hash chain of what it reads (docs/operations.md, "When a history's chain breaks").
/// </summary>
/// <param name="read">How a snapshot's state is read from its JSON (a statement's: its tables put on one numbering as they are read); <see cref="DomainJson"/>'s by default.</param>
public sealed class EventSourcedStream<TState, TEvent>(
    IEventStore store,
    ILogger logger,
    IHistoryIntegrity integrity,
    string streamId,
    Func<TState> initial,
    Func<TState, TEvent, EventMeta, TState> apply,
    Func<TState, long> versionOf,
    SnapshotPolicy? snapshots = null,
    Func<Stream, CancellationToken, ValueTask<TState>>? read = null)
    where TEvent : DomainEvent
{
    private readonly SnapshotPolicy snapshotPolicy = snapshots ?? SnapshotPolicy.Default;
    private long lastSnapshot;
    private long snapshotBytes;

    public TState State { get; private set; } = initial();

    public string StreamId => streamId;

    public long Version => versionOf(State);

    /// <summary>
    /// Loads the stream afresh. <see cref="State"/> changes once, at the end: a read that interleaves
    /// with a reload (the grains' queries may) sees the old state or the new one, never half of one.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var state = initial();
        var (snapshotVersion, bytes) = (0L, 0L);
        try
        {
            // Parsed as it is read: an imported statement's snapshot is hundreds of megabytes of JSON.
            if (await store.LoadSnapshotAsync(streamId, ReadCountedAsync, cancellationToken) is { } snapshot)
                (state, snapshotVersion, bytes) = (snapshot.State.State, snapshot.Version, snapshot.State.Bytes);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException)
        {
            logger.LogWarning(e, "Snapshot of {Stream} no longer reads; replaying from the start", streamId);
            state = initial();
        }
        var from = versionOf(state);
        // From the snapshot's own version: its stored hash is the link the later events chain onto.
        var events = await store.ReadStreamAsync(streamId, Math.Max(0, from - 1), cancellationToken);
        Verify(events, from);
        foreach (var stored in events)
        {
            if (stored.Version <= from)
                continue;
            var recorded = RecordedEvent.Decode(stored);
            state = apply(state, (TEvent)recorded.Event, recorded.Meta);
        }
        (State, lastSnapshot, snapshotBytes) = (state, snapshotVersion, bytes);
    }

    /// <summary>A snapshot's state as it is parsed, and its size: the next snapshot waits in proportion to it (<see cref="SnapshotPolicy"/>).</summary>
    private async ValueTask<(TState State, long Bytes)> ReadCountedAsync(Stream json, CancellationToken cancellationToken)
    {
        var counted = new ByteCountingStream(json);
        var state = await (read ?? DomainJson.DeserializeAsync<TState>)(counted, cancellationToken);
        return (state, counted.BytesRead);
    }

    /// <summary>
    /// Checks the chain of the events just read and reports to <see cref="IHistoryIntegrity"/>. A break
    /// does not stop the load: the dialogue stays served, marked broken (/health, the room), so the
    /// people in it see that its history can no longer be trusted instead of losing it.
    /// </summary>
    private void Verify(IReadOnlyList<StoredEvent> events, long from)
    {
        StreamVerification verification;
        if (from == 0)
            verification = ChainVerifier.Verify(streamId, events);
        else if (events.Count == 0 || events[0].Version != from)
            verification = new StreamVerification(streamId, events.Count == 0 ? from : events[^1].Version, events.Count == 0 ? null : events[^1].Hash, 0,
                new ChainBreak(from, ChainProblems.MissingVersion, $"The event at the snapshot's version {from} is missing."));
        else
            verification = ChainVerifier.Verify(streamId, [.. events.Skip(1)], from, events[0].Hash);
        integrity.Report(verification);
        if (verification.FirstBreak is { } found)
        {
            logger.LogError(
                "History of {Stream} is broken at version {Version}: {Problem}. {Detail} The stream is served, marked broken.",
                streamId, found.Version, found.Problem, found.Detail);
        }
    }

    /// <summary>
    /// Runs one command: <paramref name="decide"/> judges it on the current state; a refusal, or a
    /// decision with no events, stores nothing. Otherwise the events are committed at the version
    /// they were decided on, applied, handed to <paramref name="afterCommit"/> (the grain's own work:
    /// read models, tracker, publishing), and the answer names the version they reached. If another
    /// writer committed first (an activation on another node during a hand-over), the stream reloads
    /// and answers <c>stream.concurrent-write</c>: the caller's retry is decided on the new state.
    /// </summary>
    /// <param name="scope">The dialogue (or other scope) the stream belongs to, as the caller knows it.</param>
    public async Task<CommandOutcome> ExecuteAsync(
        Func<TState, Decision<TEvent>> decide,
        string scope,
        Guid actor,
        DateTimeOffset at,
        Func<IReadOnlyList<AppliedEvent<TState, TEvent>>, Task>? afterCommit = null,
        CancellationToken cancellationToken = default)
    {
        // Decided and committed with no await between: the version committed at is the one decided on.
        var decision = decide(State);
        if (decision.Error is { } error)
            return CommandOutcome.Refused(streamId, Version, error);
        if (decision.Events.Count == 0)
            return CommandOutcome.Ok(streamId, Version);
        IReadOnlyList<AppliedEvent<TState, TEvent>> applied;
        try
        {
            applied = await CommitAsync([.. decision.Events.Select(e => (e, ActorOf(e, actor)))], scope, at, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            await LoadAsync(cancellationToken);
            return CommandOutcome.Refused(streamId, Version,
                RuleError.Conflict("stream.concurrent-write", $"The {Kind} changed at the same moment; try again."));
        }
        if (afterCommit is not null)
            await afterCommit(applied);
        return CommandOutcome.Ok(streamId, Version);
    }

    /// <summary>
    /// Runs several callers' commands as one commit (group commit: docs/performance.md, "What was done
    /// about it"): each is decided in turn on the state the ones before it leave, as if it had come
    /// alone after them; a refusal refuses only its own command and stores nothing of it; the events
    /// of all the others are appended in one transaction — one fsync — and the answer of each names
    /// the version its own events reached. If another writer committed first, none is stored and every
    /// one is answered <c>stream.concurrent-write</c>, as a lone command would be. Nothing is answered
    /// before the commit: an acknowledged command is durable.
    /// </summary>
    public async Task<IReadOnlyList<CommandOutcome>> ExecuteGroupAsync(
        IReadOnlyList<(Func<TState, Decision<TEvent>> Decide, Guid Actor)> commands,
        string scope,
        DateTimeOffset at,
        Func<IReadOnlyList<AppliedEvent<TState, TEvent>>, Task>? afterCommit = null,
        CancellationToken cancellationToken = default)
    {
        var outcomes = new CommandOutcome[commands.Count];
        var decided = new List<(TEvent Event, Guid Actor)>();
        // Provisional: what the state would be once the commands before are committed; dropped if the commit fails.
        var state = State;
        for (var i = 0; i < commands.Count; i++)
        {
            var decision = commands[i].Decide(state);
            if (decision.Error is { } error)
            {
                outcomes[i] = CommandOutcome.Refused(streamId, versionOf(state), error);
                continue;
            }
            foreach (var e in decision.Events)
            {
                var actor = ActorOf(e, commands[i].Actor);
                state = apply(state, e, new EventMeta(versionOf(state) + 1, at, actor));
                decided.Add((e, actor));
            }
            outcomes[i] = CommandOutcome.Ok(streamId, versionOf(state));
        }
        if (decided.Count == 0)
            return outcomes;
        IReadOnlyList<AppliedEvent<TState, TEvent>> applied;
        try
        {
            applied = await CommitAsync(decided, scope, at, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            await LoadAsync(cancellationToken);
            var conflict = RuleError.Conflict("stream.concurrent-write", $"The {Kind} changed at the same moment; try again.");
            return [.. commands.Select(_ => CommandOutcome.Refused(streamId, Version, conflict))];
        }
        if (afterCommit is not null)
            await afterCommit(applied);
        return outcomes;
    }

    /// <summary>What the stream holds, for messages: "dialogue", "statement", "participant" (the prefix of its id, see <see cref="StreamIds"/>).</summary>
    private string Kind => streamId.Split('-', 2)[0];

    /// <summary>
    /// Commits decided events at the current version, then applies them. Returns each event with the
    /// state before and after it. Throws <see cref="ConcurrencyConflictException"/> if another writer
    /// committed first; <see cref="ExecuteAsync"/> turns that into an answer.
    /// </summary>
    private async Task<IReadOnlyList<AppliedEvent<TState, TEvent>>> CommitAsync(
        IReadOnlyList<(TEvent Event, Guid Actor)> events, string scope, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stored = await store.AppendAsync(streamId, scope, Version, [.. events.Select(e => RecordedEvent.Encode(e.Event, e.Actor, at))], cancellationToken);
        var applied = new List<AppliedEvent<TState, TEvent>>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var before = State;
            State = apply(State, events[i].Event, new EventMeta(stored[i].Version, stored[i].OccurredAt, events[i].Actor));
            applied.Add(new(before, events[i].Event, State, stored[i]));
        }
        if (Version - lastSnapshot >= snapshotPolicy.EventsAfter(snapshotBytes))
            await SaveSnapshotAsync(at, cancellationToken);
        return applied;
    }

    /// <summary>The actor an event is recorded with: the caller's, or nobody's for an act of the system (<see cref="DomainEvent.IsTheSystemsAct"/>).</summary>
    private static Guid ActorOf(TEvent e, Guid actor) => e.IsTheSystemsAct() ? Guid.Empty : actor;

    private async Task SaveSnapshotAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            // Spooled, not one string: an imported statement's state is hundreds of megabytes of JSON.
            await using var json = await SpooledJson.WriteAsync(State, cancellationToken);
            await store.SaveSnapshotAsync(streamId, Version, json, at, cancellationToken);
            (lastSnapshot, snapshotBytes) = (Version, json.Length);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The events are committed; a missing snapshot only makes the next load slower.
            logger.LogWarning(e, "Could not snapshot {Stream} at {Version}", streamId, Version);
        }
    }
}
