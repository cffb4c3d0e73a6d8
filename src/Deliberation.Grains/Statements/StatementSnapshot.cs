using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Grains.Statements;

/// <summary>A statement as one query reads it: its state and its unredacted consensus, at the same version.</summary>
[GenerateSerializer, Immutable, Alias("Deliberation.StatementSnapshot")]
public sealed record StatementSnapshot(
    [property: Id(0)] StatementState State,
    [property: Id(1)] StatementConsensus Consensus)
{
    public long Version => State.Version;
}
