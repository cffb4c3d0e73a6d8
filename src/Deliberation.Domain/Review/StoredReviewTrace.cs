using System.Collections.Immutable;

namespace Deliberation.Domain.Review;

/// <summary>
/// The moments, standings, revisions and marked events a trace recorded at events
/// [<see cref="From"/>, From + part size): a stored trace's body, written once and never again
/// (docs/architecture.md, "Review"). Its key names where it starts and the position of its last event,
/// so a part written for another reading of the history (a late commit) is never taken for this one.
/// </summary>
public sealed record ReviewTracePart(
    int From,
    long LastPosition,
    ImmutableList<KeyMoment> Moments,
    ImmutableList<ClauseStanding> Live,
    ImmutableList<ClauseStanding> Released,
    ImmutableArray<RevisionMade> Revisions,
    ImmutableDictionary<int, ScopeEvent> Marked)
{
    /// <summary>
    /// A thousand events: a part of a room's busiest minutes is a few hundred kilobytes, and a save
    /// writes at most one or two of them beside the head.
    /// </summary>
    public const int DefaultSize = 1000;

    public static string KeyOf(Guid statementId, int from, long lastPosition) =>
        $"review-trace-v{ReviewTraceSnapshot.Format}-part-{from}-{lastPosition}-{statementId:N}";
}

/// <summary>
/// How a <see cref="ReviewTraceSnapshot"/> is stored: a trace grows with every event, and stored whole it
/// was rewritten whole every save (7.7 MB at 9,000 events of a busy room, a stall of the room's commits
/// each time; the whole history's trace as one string after an import). Stored in parts instead: each
/// whole part of <see cref="ReviewTraceSnapshot.PartSize"/> events once, as a <see cref="ReviewTracePart"/>,
/// and a head — the snapshot with only what the parts do not hold, and in <see cref="ReviewTraceSnapshot.PartEnds"/>
/// the list of its parts — every save (docs/performance.md, "The review trace in parts").
/// </summary>
public static class StoredReviewTrace
{
    /// <summary>
    /// The head of <paramref name="whole"/> and its parts from <paramref name="firstPart"/> on (those before
    /// are stored already).
    /// </summary>
    public static (ReviewTraceSnapshot Head, IReadOnlyList<ReviewTracePart> Parts) Split(ReviewTraceSnapshot whole, int firstPart = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstPart);
        var (size, count) = (whole.PartSize, whole.PartEnds.Length);
        // One pass over each list (an imported history's trace holds millions of entries).
        var moments = Slice(whole.Moments, m => m.Index, size, firstPart, count);
        var live = Slice(whole.Live, s => s.Index, size, firstPart, count);
        var released = Slice(whole.Released, s => s.Index, size, firstPart, count);
        var revisions = Slice(whole.Revisions, r => r.Index, size, firstPart, count);
        var marked = Slice(whole.Marked, m => m.Key, size, firstPart, count);
        var parts = new List<ReviewTracePart>(Math.Max(0, count - firstPart));
        for (var part = firstPart; part < count; part++)
        {
            var at = part - firstPart;
            parts.Add(new ReviewTracePart(part * size, whole.PartEnds[part], [.. moments.Parts[at]], [.. live.Parts[at]], [.. released.Parts[at]],
                [.. revisions.Parts[at]], marked.Parts[at].ToImmutableDictionary()));
        }
        var head = whole with
        {
            Moments = [.. moments.Tail],
            Live = [.. live.Tail],
            Released = [.. released.Tail],
            Revisions = [.. revisions.Tail],
            Marked = marked.Tail.ToImmutableDictionary(),
        };
        return (head, parts);
    }

    /// <summary>The keys of the parts a head names, in order.</summary>
    public static IEnumerable<string> PartKeys(ReviewTraceSnapshot head) =>
        head.PartEnds.Select((lastPosition, part) => ReviewTracePart.KeyOf(head.StatementId, part * head.PartSize, lastPosition));

    /// <summary>
    /// The whole trace from its head and every part the head names, in order; null when a part is missing or
    /// is not the one the head names (then the trace is made afresh: it is a cache of the history).
    /// </summary>
    public static ReviewTraceSnapshot? Join(ReviewTraceSnapshot head, IReadOnlyList<ReviewTracePart?> parts)
    {
        if (parts.Count != head.PartEnds.Length)
            return null;
        for (var part = 0; part < parts.Count; part++)
        {
            if (parts[part] is not { } stored || stored.From != part * head.PartSize || stored.LastPosition != head.PartEnds[part])
                return null;
        }
        var whole = parts.Select(p => p!).ToList();
        return head with
        {
            Moments = [.. whole.SelectMany(p => p.Moments), .. head.Moments],
            Live = [.. whole.SelectMany(p => p.Live), .. head.Live],
            Released = [.. whole.SelectMany(p => p.Released), .. head.Released],
            Revisions = [.. whole.SelectMany(p => p.Revisions), .. head.Revisions],
            Marked = whole.SelectMany(p => p.Marked).Concat(head.Marked).ToImmutableDictionary(),
        };
    }

    /// <summary>Each item by the part its event is in: parts <paramref name="firstPart"/> to <paramref name="count"/> - 1, and the tail after them.</summary>
    private static (List<T>[] Parts, List<T> Tail) Slice<T>(IEnumerable<T> items, Func<T, int> index, int size, int firstPart, int count)
    {
        var parts = new List<T>[Math.Max(0, count - firstPart)];
        for (var i = 0; i < parts.Length; i++)
            parts[i] = [];
        var tail = new List<T>();
        foreach (var item in items)
        {
            var part = index(item) / size;
            if (part >= count)
                tail.Add(item);
            else if (part >= firstPart)
                parts[part - firstPart].Add(item);
        }
        return (parts, tail);
    }
}
