using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Grains.Statements;

/// <summary>One draft statement: clauses, revisions, positions, signatures, and its live consensus.</summary>
[Alias("Deliberation.IStatementGrain")]
public interface IStatementGrain : IGrainWithGuidKey
{
    /// <summary>Runs a command; <paramref name="dialogueId"/> names the dialogue whose roster and phase judge it.</summary>
    [Alias("Execute")]
    Task<CommandOutcome> ExecuteAsync(Guid dialogueId, StatementCommand command, Guid actor);

    /// <summary>Runs commands all-or-nothing, committed together (imports, seeding).</summary>
    [Alias("ExecuteBatch")]
    Task<CommandOutcome> ExecuteBatchAsync(Guid dialogueId, IReadOnlyList<StatementCommand> commands, Guid actor);

    [Alias("GetState")]
    Task<Immutable<StatementState>> GetStateAsync();

    /// <summary>The unredacted consensus, kept current incrementally; the edge redacts it per viewer.</summary>
    [Alias("GetConsensus")]
    Task<Immutable<StatementConsensus>> GetConsensusAsync();
}
