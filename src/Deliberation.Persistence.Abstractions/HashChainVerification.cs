namespace Deliberation.Persistence;

/// <summary>Whether a stream's stored hashes match a recomputation; <see cref="BrokenAtVersion"/> names the first mismatch.</summary>
public sealed record HashChainVerification(string StreamId, long Length, string? HeadHash, long? BrokenAtVersion)
{
    public bool IsIntact => BrokenAtVersion is null;
}
