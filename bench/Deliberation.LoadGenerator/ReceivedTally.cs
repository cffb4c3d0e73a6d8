using System.Collections.Concurrent;

namespace Deliberation.LoadGenerator;

/// <summary>
/// What one client received, by the hub method the server invoked: messages and bytes, and the
/// WebSocket frames they came in (several messages may share a frame). Written by the client's one
/// receive loop, read by the run at its start and end: the difference is what the measured actions cost
/// each screen, which says whether a change made pushes smaller, rarer or only faster.
/// </summary>
public sealed class ReceivedTally
{
    public sealed class Counts
    {
        public long Messages;
        public long Bytes;
    }

    private readonly ConcurrentDictionary<string, Counts> byTarget = new();
    private long frames;

    public long Frames => Interlocked.Read(ref frames);

    public void Frame() => Interlocked.Increment(ref frames);

    public void Message(string target, int bytes)
    {
        var counts = byTarget.GetOrAdd(target, _ => new Counts());
        Interlocked.Increment(ref counts.Messages);
        Interlocked.Add(ref counts.Bytes, bytes);
    }

    /// <summary>A copy of the counts now, by target.</summary>
    public Dictionary<string, (long Messages, long Bytes)> Snapshot() =>
        byTarget.ToDictionary(t => t.Key, t => (Interlocked.Read(ref t.Value.Messages), Interlocked.Read(ref t.Value.Bytes)));

    /// <summary>The frames and the counts by target of many clients, added up.</summary>
    public static (long Frames, Dictionary<string, (long Messages, long Bytes)> ByTarget) Sum(IEnumerable<ReceivedTally> tallies)
    {
        long frames = 0;
        var byTarget = new Dictionary<string, (long Messages, long Bytes)>();
        foreach (var tally in tallies)
        {
            frames += tally.Frames;
            foreach (var (target, (messages, bytes)) in tally.Snapshot())
            {
                var sum = byTarget.GetValueOrDefault(target);
                byTarget[target] = (sum.Messages + messages, sum.Bytes + bytes);
            }
        }
        return (frames, byTarget);
    }
}
