using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Grains.Statements;

/// <summary>One draft statement: clauses, revisions, positions, signatures, and its live consensus.</summary>
[Alias("Deliberation.IStatementGrain")]
public interface IStatementGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Runs a command; <paramref name="dialogueId"/> names the dialogue whose roster and phase judge
    /// it. The grain reads that dialogue once, and refuses with <c>statement.not-found</c> unless
    /// the dialogue lists this statement. Interleaves only to be queued for the next group commit: the
    /// grain decides and commits one group at a time (StatementGrain, docs/performance.md).
    /// </summary>
    [AlwaysInterleave, Alias("Execute")]
    Task<CommandOutcome> ExecuteAsync(Guid dialogueId, StatementCommand command, Guid actor);

    /// <summary>Runs commands all-or-nothing, committed together (imports, seeding); queued as <see cref="ExecuteAsync"/> is.</summary>
    [AlwaysInterleave, Alias("ExecuteBatch")]
    Task<CommandOutcome> ExecuteBatchAsync(Guid dialogueId, IReadOnlyList<StatementCommand> commands, Guid actor);

    /// <summary>
    /// The dialogue moved to another phase: release every clause that reached k changes
    /// (docs/domain.md, "Releases"). One-way: the dialogue grain calls it after its commit and must
    /// not wait, since the statement reads the dialogue back to decide.
    /// </summary>
    [OneWay, Alias("ReleaseOnPhaseChange")]
    Task ReleaseOnPhaseChangeAsync(Guid dialogueId, Guid actor);

    [Alias("GetState")]
    Task<Immutable<StatementState>> GetStateAsync();

    /// <summary>The unredacted consensus, kept current incrementally; the edge redacts it per viewer.</summary>
    [Alias("GetConsensus")]
    Task<Immutable<StatementConsensus>> GetConsensusAsync();

    /// <summary>
    /// The state and the unredacted consensus in one answer. The caller gives the dialogue's state
    /// (the dialogue grain gathering a room snapshot has it), so the statement need not call back.
    /// </summary>
    [Alias("GetSnapshot")]
    Task<Immutable<StatementSnapshot>> GetSnapshotAsync(Immutable<DialogueState> dialogue);
}
