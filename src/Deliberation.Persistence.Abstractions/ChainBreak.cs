namespace Deliberation.Persistence;

/// <summary>
/// Where and how a stream's chain breaks. <see cref="Problem"/> is one of <see cref="ChainProblems"/>;
/// <see cref="Detail"/> says it in words for an operator's log.
/// </summary>
public sealed record ChainBreak(long Version, string Problem, string Detail);

/// <summary>The words a <see cref="ChainBreak"/> uses; stable, they appear on the wire (docs/api.md).</summary>
public static class ChainProblems
{
    /// <summary>The event's content or its salt no longer gives its leaf.</summary>
    public const string LeafMismatch = "leaf-mismatch";

    /// <summary>The stored hash is not the link of the previous hash and this leaf.</summary>
    public const string HashMismatch = "hash-mismatch";

    /// <summary>A version is absent (an event deleted, or renumbered away).</summary>
    public const string MissingVersion = "missing-version";

    /// <summary>A version repeats or goes backwards, or versions and log positions disagree in order (events reordered).</summary>
    public const string VersionOrder = "version-order";
}
