using Deliberation.Domain.Consensus;
using Deliberation.Grains.Realtime;

namespace Deliberation.Grains.Realtime;

/// <summary>
/// What one commit of a statement changed, as its dialogue's room passes it on: the committed
/// events and the unredacted figures of the clauses they moved. One message, so a statement
/// command costs its dialogue one publish, not one for events and another for consensus.
/// </summary>
[GenerateSerializer, Immutable, Alias("Deliberation.StatementChanges")]
public sealed record StatementChanges(
    [property: Id(0)] Guid StatementId,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<RecordedEventEnvelope> Events,
    [property: Id(3)] IReadOnlyList<ClauseConsensus> Clauses,
    [property: Id(4)] bool HasConsensus);
