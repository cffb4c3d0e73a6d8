using Deliberation.Domain;
using Deliberation.Domain.Languages;
using Deliberation.Domain.Statements;

namespace Deliberation.Contracts.Hub;

// The hub's command requests (docs/api.md): one object each, naming the dialogue (and statement).

public sealed record TakePositionRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, int Revision, PositionKind Position, string? Note = null, string? OptionId = null);
public sealed record StateRangeRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, int Revision, double Low, double High);
public sealed record ReviseClauseRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, int BaseRevision, string Text, RevisionKind Kind = RevisionKind.Substantive, string? Rationale = null);
public sealed record ProposeClauseRequest(Guid DialogueId, Guid StatementId, ClauseKind Kind, string Text, Guid? After = null, NumericParameter? Parameter = null, string? Rationale = null, Guid? ClauseId = null);
public sealed record ProposeAmendmentRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, int BaseRevision, string Text, string? Rationale = null);
public sealed record AddAlternativeRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, int BaseRevision, int? Slot, string? Phrase, string Text);
public sealed record ResolveAlternativeRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, string OptionId, RevisionKind Kind = RevisionKind.Substantive, string? Rationale = null);
public sealed record DecideAmendmentRequest(Guid DialogueId, Guid StatementId, Guid AmendmentId, bool Accept, string? Reason = null, RevisionKind Kind = RevisionKind.Substantive);
/// <summary>Translates the clause's current source revision into a working language (docs/api.md, "Languages").</summary>
public sealed record TranslateClauseRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, string Language, int SourceRevision, string Text);
public sealed record TranslateOptionRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, string OptionId, string Language, int SourceRevision, string Text);
/// <summary>Pins a glossary term (or changes the one of that id): its agreed rendering per working language, a note, and optionally the one clause it is for.</summary>
public sealed record PinGlossaryTermRequest(Guid DialogueId, GlossaryTerm Term);
public sealed record UnpinGlossaryTermRequest(Guid DialogueId, Guid TermId);
public sealed record StatementRequest(Guid DialogueId, Guid StatementId);
/// <summary>The chair's "Show the room": every clause with enough changes, or the one named; <c>Force</c> releases it with fewer.</summary>
public sealed record ShowTheRoomRequest(Guid DialogueId, Guid StatementId, Guid? ClauseId = null, bool Force = false);
/// <summary>Signs as the signer is on the roster; she chooses only how her affiliation is printed (for identification only).</summary>
public sealed record SignRequest(Guid DialogueId, Guid StatementId, string? Affiliation, SignatureCapacity Capacity, string TextHash);
public sealed record WithdrawSignatureRequest(Guid DialogueId, Guid StatementId, string? Reason = null);
public sealed record DialogueRequest(Guid DialogueId);
public sealed record LowerHandRequest(Guid DialogueId, Guid? ParticipantId = null);
public sealed record SetPhaseRequest(Guid DialogueId, Phase Phase);
public sealed record SetFocusRequest(Guid DialogueId, Guid? StatementId, Guid? ClauseId);
/// <summary>Takes up an agenda item (null: none is current).</summary>
public sealed record SetCurrentAgendaItemRequest(Guid DialogueId, Guid? ItemId);
public sealed record StartTimerRequest(Guid DialogueId, string Label, int Seconds);
/// <summary>The chair reminds the delegates whose position on a clause is stale (docs/api.md, "RemindStale").</summary>
public sealed record RemindStaleRequest(Guid DialogueId, Guid StatementId, Guid ClauseId);

public sealed record DraftPreviewRequest(Guid DialogueId, Guid StatementId, Guid ClauseId, int BaseRevision, string Text);
