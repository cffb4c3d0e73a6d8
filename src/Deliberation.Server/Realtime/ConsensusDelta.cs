using Deliberation.Domain.Consensus;

namespace Deliberation.Server.Realtime;

/// <summary>The figures of the clauses whose consensus moved, as a statement grain publishes them.</summary>
public sealed record ConsensusDelta(Guid StatementId, long StatementVersion, IReadOnlyList<ClauseConsensus> Clauses, bool HasConsensus)
{
    /// <summary>As a matrix of just the clauses that moved, for the visibility module to redact.</summary>
    public StatementConsensus AsConsensus() => new(StatementId, StatementVersion, null, HasConsensus, [.. Clauses]);
}
