using System.Collections.Concurrent;

namespace Deliberation.Persistence;

/// <summary>The in-memory <see cref="IHistoryIntegrity"/> of one node; a singleton.</summary>
public sealed class HistoryIntegrity : IHistoryIntegrity
{
    private readonly ConcurrentDictionary<string, StreamVerification> broken = new(StringComparer.Ordinal);
    private long lastVerifiedTicks = -1;

    public bool Report(StreamVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        if (verification.FirstBreak is { } found)
        {
            var isNew = true;
            broken.AddOrUpdate(verification.StreamId, verification, (_, known) =>
            {
                isNew = known.FirstBreak != found;
                return verification;
            });
            return isNew;
        }
        // A load checks only the events after its snapshot; such an intact report says nothing
        // about a break before them.
        var firstChecked = verification.HeadVersion - verification.EventsChecked + 1;
        if (broken.TryGetValue(verification.StreamId, out var recorded) && recorded.FirstBreak!.Version >= firstChecked)
            broken.TryRemove(KeyValuePair.Create(verification.StreamId, recorded));
        return false;
    }

    public IReadOnlyList<StreamVerification> Broken =>
        [.. broken.Values.OrderBy(v => v.StreamId, StringComparer.Ordinal)];

    public DateTimeOffset? LastVerifiedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref lastVerifiedTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void CompletedFullVerification(DateTimeOffset at) =>
        Interlocked.Exchange(ref lastVerifiedTicks, at.UtcTicks);
}
