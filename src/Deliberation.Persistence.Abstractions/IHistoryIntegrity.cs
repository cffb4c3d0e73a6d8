namespace Deliberation.Persistence;

/// <summary>
/// What this node knows about the integrity of the histories it serves: fed by grains as they
/// load streams and by the background verifier; read by /health and the room (docs/operations.md).
/// </summary>
public interface IHistoryIntegrity
{
    /// <summary>
    /// Records a verification. A break is remembered until a verification that covers its version
    /// finds the stream intact. Returns true when this report is a break not known before, so the
    /// caller logs each break once.
    /// </summary>
    bool Report(StreamVerification verification);

    /// <summary>Every stream currently known broken, with its first break.</summary>
    IReadOnlyList<StreamVerification> Broken { get; }

    /// <summary>When the last full verification of every stream finished; null before the first.</summary>
    DateTimeOffset? LastVerifiedAt { get; }

    /// <summary>Marks a full verification of every stream as finished.</summary>
    void CompletedFullVerification(DateTimeOffset at);
}
