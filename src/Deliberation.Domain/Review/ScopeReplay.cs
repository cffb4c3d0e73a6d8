namespace Deliberation.Domain.Review;

/// <summary>
/// A dialogue's scope held in memory with checkpoints of the replayed state every
/// <see cref="CheckpointEvery"/> events, so the state after any event costs at most that many
/// applications instead of a replay from the start (docs/architecture.md, "Review"). States are
/// immutable, so a checkpoint is a reference, and what it shares with its neighbours is shared.
/// Events are only appended; checkpoints are built lazily, on the first question that needs them.
/// Safe for many readers and one appender at a time.
/// </summary>
public sealed class ScopeReplay(Guid dialogueId, int checkpointEvery = ScopeReplay.DefaultCheckpointEvery)
{
    public const int DefaultCheckpointEvery = 256;

    private readonly List<ScopeEvent> events = [];
    // checkpoints[c] is the state after the first (c + 1) × CheckpointEvery events.
    private readonly List<ScopeState> checkpoints = [];
    private readonly Lock gate = new();

    public Guid DialogueId => dialogueId;

    public int CheckpointEvery { get; } = checkpointEvery > 0 ? checkpointEvery : throw new ArgumentOutOfRangeException(nameof(checkpointEvery));

    public int Count
    {
        get { lock (gate) return events.Count; }
    }

    /// <summary>The position of the last event held; 0 when none is.</summary>
    public long LastPosition
    {
        get { lock (gate) return events.Count == 0 ? 0 : events[^1].Position; }
    }

    public ScopeEvent this[int index]
    {
        get { lock (gate) return events[index]; }
    }

    /// <summary>Events of later positions than any held, in position order.</summary>
    public void Append(IEnumerable<ScopeEvent> later)
    {
        lock (gate)
            foreach (var e in later)
            {
                if (events.Count > 0 && e.Position <= events[^1].Position)
                    throw new ArgumentException($"Event at position {e.Position} is not after {events[^1].Position}.", nameof(later));
                events.Add(e);
            }
    }

    /// <summary>The index of the event at exactly <paramref name="position"/>, or −1.</summary>
    public int IndexOf(long position)
    {
        var i = IndexAtOrBefore(position);
        return i >= 0 && this[i].Position == position ? i : -1;
    }

    /// <summary>The index of the last event at or before <paramref name="position"/>; −1 when none is.</summary>
    public int IndexAtOrBefore(long position)
    {
        lock (gate)
        {
            int low = 0, high = events.Count - 1, found = -1;
            while (low <= high)
            {
                var mid = (low + high) >>> 1;
                if (events[mid].Position <= position)
                    (found, low) = (mid, mid + 1);
                else
                    high = mid - 1;
            }
            return found;
        }
    }

    /// <summary>The state after the event at <paramref name="index"/> (−1: before any event).</summary>
    public ScopeState StateAfter(int index)
    {
        ScopeState state;
        int from;
        lock (gate)
        {
            if (index < -1 || index >= events.Count)
                throw new ArgumentOutOfRangeException(nameof(index));
            var checkpoint = (index + 1) / CheckpointEvery - 1;
            ExtendCheckpointsTo(checkpoint);
            (state, from) = checkpoint >= 0 ? (checkpoints[checkpoint], (checkpoint + 1) * CheckpointEvery) : (ScopeState.Initial(dialogueId), 0);
            for (var i = from; i <= index; i++)
                state = state.Apply(events[i]);
        }
        return state;
    }

    /// <summary>
    /// The state after the event at <paramref name="index"/>, from someone who folded the events anyway
    /// (a <see cref="ReviewTrace"/>'s first pass): kept when it is the next checkpoint due, so the
    /// first question about a dialogue does not fold its events twice.
    /// </summary>
    /// <remarks>The state is asked for only when it is kept: the trace builds it from the positions it took in place.</remarks>
    public void Offer(int index, Func<ScopeState> state)
    {
        lock (gate)
            if (index + 1 == (checkpoints.Count + 1) * CheckpointEvery && index < events.Count)
                checkpoints.Add(state());
    }

    /// <summary>The events from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public IReadOnlyList<ScopeEvent> Range(int from, int to)
    {
        lock (gate)
            return events.GetRange(from, to - from);
    }

    private void ExtendCheckpointsTo(int checkpoint)
    {
        var state = checkpoints.Count > 0 ? checkpoints[^1] : ScopeState.Initial(dialogueId);
        while (checkpoints.Count <= checkpoint)
        {
            var start = checkpoints.Count * CheckpointEvery;
            for (var i = start; i < start + CheckpointEvery; i++)
                state = state.Apply(events[i]);
            checkpoints.Add(state);
        }
    }
}
