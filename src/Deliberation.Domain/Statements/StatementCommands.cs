using System.Collections.Immutable;
using Deliberation.Domain.History;

namespace Deliberation.Domain.Statements;

/// <summary>A request to change a statement; <see cref="Statement.Decide"/> judges it against the dialogue's roster and phase.</summary>
public abstract record StatementCommand;

public sealed record CreateStatement(Guid StatementId, Guid DialogueId, string Title) : StatementCommand;
/// <summary>Adds a clause; <paramref name="After"/> places it after another clause, else at the end.</summary>
public sealed record ProposeClause(Guid ClauseId, ClauseKind Kind, string Text, string? ExternalId = null, NumericParameter? Parameter = null, Guid? After = null, string? Rationale = null) : StatementCommand;
public sealed record ReviseClause(Guid ClauseId, int BaseRevision, string Text, RevisionKind Kind, string? Rationale) : StatementCommand;
public sealed record WithdrawClause(Guid ClauseId, string? Reason) : StatementCommand;
/// <summary>Adds an option to bracket <paramref name="Slot"/>, or — given a <paramref name="Phrase"/> of the text — brackets that phrase against the new option.</summary>
public sealed record AddAlternative(Guid ClauseId, int BaseRevision, int? Slot, string? Phrase, string Text) : StatementCommand;
public sealed record ResolveAlternative(Guid ClauseId, string OptionId, RevisionKind Kind = RevisionKind.Substantive, string? Rationale = null) : StatementCommand;
public sealed record TakePosition(Guid ClauseId, int Revision, PositionKind Position, string? Note = null, string? OptionId = null) : StatementCommand;
public sealed record StateRange(Guid ClauseId, int Revision, double Low, double High) : StatementCommand;
/// <summary>Translates the clause into a working language other than the source, from source revision <paramref name="SourceRevision"/> (the current one).</summary>
public sealed record TranslateClause(Guid ClauseId, string Language, int SourceRevision, string Text) : StatementCommand;
/// <summary>Translates one bracket option of the clause, bound like a clause's translation to the source revision it read.</summary>
public sealed record TranslateOption(Guid ClauseId, string OptionId, string Language, int SourceRevision, string Text) : StatementCommand;
public sealed record ProposeAmendment(Guid AmendmentId, Guid ClauseId, int BaseRevision, string Text, string? Rationale) : StatementCommand;
public sealed record DecideAmendment(Guid AmendmentId, bool Accept, string? Reason, RevisionKind Kind = RevisionKind.Substantive) : StatementCommand;
/// <summary>
/// Freezes the text. <paramref name="Heads"/> — the dialogue's and this statement's stream heads at
/// the moment of freezing — are filled in by the statement grain, never by a client (the edge refuses
/// them: docs/security.md); the frozen text binds them, so signing it signs the history too.
/// </summary>
public sealed record FreezeStatement(HistoryHeads? Heads = null) : StatementCommand;
/// <summary>
/// Signs the frozen text as the signer is on the roster: the name is hers, not the command's; she
/// chooses only how her affiliation is printed (for identification only). <paramref name="TextHash"/>
/// is the hash she was shown, so nobody signs text they did not see.
/// </summary>
public sealed record Sign(string? Affiliation, SignatureCapacity Capacity, string TextHash) : StatementCommand;
public sealed record WithdrawSignature(string? Reason) : StatementCommand;
/// <summary>Positions brought in from another tool (a Pol.is export) by an organiser on the voters' behalf.</summary>
public sealed record RecordImportedPositions(ImmutableArray<ImportedPosition> Positions) : StatementCommand;

public sealed record ImportedPosition(Guid ParticipantId, Guid ClauseId, PositionKind Position);

/// <summary>
/// Shows the room the current figures of clauses (docs/domain.md, "Releases"). ShowTheRoom is the
/// chair's, for every clause with at least k changes or for the one named; <paramref name="Force"/>
/// releases a named clause below k, and the release says so. The other triggers are the system's.
/// </summary>
public sealed record ReleaseFigures(ReleaseTrigger Trigger, Guid? ClauseId = null, bool Force = false) : StatementCommand;
