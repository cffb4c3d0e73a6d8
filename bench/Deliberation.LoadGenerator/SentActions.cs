using System.Collections.Concurrent;
using System.Diagnostics;

namespace Deliberation.LoadGenerator;

/// <summary>
/// When each action left the generator, and the statement version its commit ended at (from its
/// acknowledgement). A client records only what arrived (version, time); the delays are matched
/// afterwards by version, so they need nothing a viewer may not see — another person's position
/// reaches a release viewer as an opaque entry, with its version but without its note.
/// Actions before <c>firstMeasured</c> are the warm-up: their arrivals are checked, not timed.
/// </summary>
public sealed class SentActions(int capacity, int firstMeasured)
{
    private readonly long[] timestamps = new long[capacity];
    private readonly ConcurrentDictionary<long, int> actionEndingAt = new();

    public int Capacity => timestamps.Length;

    public void MarkSent(int action) => Volatile.Write(ref timestamps[action], Stopwatch.GetTimestamp());

    /// <summary>The action's commit ended at this statement version (its last event: the release, when one came with it).</summary>
    public void Acknowledged(int action, long version) => actionEndingAt[version] = action;

    /// <summary>
    /// The sending timestamp of the measured action whose commit holds the event at
    /// <paramref name="version"/> — a commit is its position event and, at the k-th change, the
    /// release right after it — or null for a warm-up action or a version no action of this run made.
    /// </summary>
    public long? SentAt(long version, bool nextIsRelease)
    {
        if (!actionEndingAt.TryGetValue(version, out var action) && !(nextIsRelease && actionEndingAt.TryGetValue(version + 1, out action)))
            return null;
        if (action < firstMeasured)
            return null;
        var at = timestamps[action];
        return at == 0 ? null : at;
    }
}
