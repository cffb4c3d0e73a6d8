using System.Diagnostics;
using System.Globalization;

namespace Deliberation.LoadGenerator;

/// <summary>
/// When each action left the generator. Actions are numbered and carry <c>a:{number}</c> as their
/// note, so every client can find the sending time of what it receives without a shared lookup table.
/// Actions before <c>firstMeasured</c> are the warm-up: their arrivals are checked, not timed.
/// </summary>
public sealed class SentActions(int capacity, int firstMeasured)
{
    private readonly long[] timestamps = new long[capacity];

    public int Capacity => timestamps.Length;

    public static string NoteOf(int action) => string.Create(CultureInfo.InvariantCulture, $"a:{action}");

    public void MarkSent(int action) => Volatile.Write(ref timestamps[action], Stopwatch.GetTimestamp());

    /// <summary>The sending timestamp of the measured action a note names, or null for a warm-up action or a note of no action of this run.</summary>
    public long? SentAt(string? note)
    {
        if (note is null || !note.StartsWith("a:", StringComparison.Ordinal)
            || !int.TryParse(note.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var action)
            || action >= timestamps.Length || action < firstMeasured)
            return null;
        var at = Volatile.Read(ref timestamps[action]);
        return at == 0 ? null : at;
    }
}
