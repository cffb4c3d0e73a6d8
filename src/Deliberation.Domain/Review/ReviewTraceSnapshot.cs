using System.Collections.Immutable;

namespace Deliberation.Domain.Review;

/// <summary>
/// A <see cref="ReviewTrace"/> after its first <see cref="Read"/> events, everything it needs to go on
/// reading (docs/architecture.md, "Review"): stored, so the first timeline after a start is a load plus
/// the events since, not a pass over the whole history. <see cref="LastPosition"/> is the position of
/// the last event read: a snapshot fits a scope only where that event is still the <see cref="Read"/>th,
/// which a late commit or a replaced history breaks. The standings last recorded per clause are the
/// last of <see cref="Live"/> and <see cref="Released"/>, so they are not stored twice. <see cref="Marked"/>
/// are the events moments and standings were recorded at, by index; <see cref="StreamVersions"/> each
/// stream's last version read (the dialogue's under the dialogue's id); <see cref="PartEnds"/> the position
/// of the last event of each whole <see cref="ReviewTracePart"/> of <see cref="PartSize"/> events read,
/// which that part is stored under (<see cref="StoredReviewTrace"/>).
/// </summary>
public sealed record ReviewTraceSnapshot(
    Guid DialogueId,
    Guid StatementId,
    int Read,
    long LastPosition,
    ScopeState State,
    ImmutableList<KeyMoment> Moments,
    ImmutableList<ClauseStanding> Live,
    ImmutableList<ClauseStanding> Released,
    ImmutableDictionary<Guid, int> Proposals,
    ImmutableDictionary<Guid, int> Decisions,
    ImmutableArray<RevisionMade> Revisions,
    ImmutableDictionary<int, ScopeEvent> Marked,
    ImmutableDictionary<Guid, long> StreamVersions,
    int PartSize,
    ImmutableArray<long> PartEnds)
{
    /// <summary>
    /// The stored snapshot's key: one per statement, beside the streams' own snapshots. It names the
    /// format (<see cref="Format"/>), so a trace stored in an older one is not found and is traced
    /// afresh rather than read wrong (e.g. moments stored before they carried a <see cref="MomentPhrase"/>).
    /// </summary>
    public static string KeyOf(Guid statementId) => $"review-trace-v{Format}-{statementId:N}";

    /// <summary>
    /// The format of a stored trace; 2: moments and standings carry their phrases; 3: stored in parts of
    /// <see cref="PartSize"/> events, each written once (<see cref="StoredReviewTrace"/>).
    /// </summary>
    public const int Format = 3;
}

/// <summary>The event at <see cref="Index"/> made the clause's <see cref="Revision"/>.</summary>
public sealed record RevisionMade(Guid ClauseId, int Revision, int Index);
