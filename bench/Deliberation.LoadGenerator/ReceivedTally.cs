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
        public long Largest;
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
        // One receive loop writes: no other writer can slip between the read and the write.
        if (bytes > Interlocked.Read(ref counts.Largest))
            Interlocked.Exchange(ref counts.Largest, bytes);
    }

    /// <summary>A copy of the counts now, by target, with the largest message so far.</summary>
    public Dictionary<string, (long Messages, long Bytes, long Largest)> Snapshot() =>
        byTarget.ToDictionary(t => t.Key, t => (Interlocked.Read(ref t.Value.Messages), Interlocked.Read(ref t.Value.Bytes), Interlocked.Read(ref t.Value.Largest)));

    /// <summary>The frames and the counts by target of many clients, added up; the largest message is the largest any of them received.</summary>
    public static (long Frames, Dictionary<string, (long Messages, long Bytes, long Largest)> ByTarget) Sum(IEnumerable<ReceivedTally> tallies)
    {
        long frames = 0;
        var byTarget = new Dictionary<string, (long Messages, long Bytes, long Largest)>();
        foreach (var tally in tallies)
        {
            frames += tally.Frames;
            foreach (var (target, (messages, bytes, largest)) in tally.Snapshot())
            {
                var sum = byTarget.GetValueOrDefault(target);
                byTarget[target] = (sum.Messages + messages, sum.Bytes + bytes, Math.Max(sum.Largest, largest));
            }
        }
        return (frames, byTarget);
    }
}
