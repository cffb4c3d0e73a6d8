namespace Deliberation.Contracts.Http;

/// <summary>
/// GET /health: <c>ready</c> once the database answers and the silo has started; <c>degraded</c> when,
/// besides, a stored history's hash chain is known broken (docs/operations.md, "When a history's chain breaks").
/// </summary>
public sealed record HealthReport(string Status, HistoryHealth History)
{
    public const string Ready = "ready";
    public const string Degraded = "degraded";
}

/// <summary>What this node knows of its histories' chains: <c>intact</c> or <c>broken</c>, and which streams break where.</summary>
public sealed record HistoryHealth(string Status, DateTimeOffset? LastVerifiedAt, IReadOnlyList<BrokenHistory> Broken)
{
    public const string Intact = "intact";
    public const string BrokenStatus = "broken";
}

/// <summary>A stream whose chain breaks: the first version that does not verify, and how (leaf-mismatch, hash-mismatch, missing-version, version-order).</summary>
public sealed record BrokenHistory(string StreamId, long Version, string Problem);
