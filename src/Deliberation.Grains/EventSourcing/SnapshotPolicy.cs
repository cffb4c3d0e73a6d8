namespace Deliberation.Grains.EventSourcing;

/// <summary>
/// When a stream's state is snapshotted: after <see cref="MinimumEvents"/> events, and more rarely as the state
/// grows — one event more between snapshots for every <see cref="BytesPerEvent"/> bytes of the last one. Writing a
/// snapshot costs the grain's turn time in proportion to its size (an imported statement of 2,013,000 votes: 506 MB
/// in 3.6 s), replaying an event after it a roughly fixed ~15 µs: at 8 KB an event, such a statement is snapshotted
/// every ~62,000 events, so a room working on it stalls a few seconds that rarely rather than every 500 positions,
/// and a reactivation replays at most about a second of events after its snapshot
/// (docs/performance.md, "Session 17: a live snapshot of a large statement").
/// </summary>
public sealed record SnapshotPolicy(int MinimumEvents = 500, int BytesPerEvent = 8 * 1024)
{
    public static SnapshotPolicy Default { get; } = new();

    /// <summary>How many events may follow a snapshot of <paramref name="snapshotBytes"/> bytes before the next is taken.</summary>
    public long EventsAfter(long snapshotBytes) => Math.Max(MinimumEvents, snapshotBytes / BytesPerEvent);
}
