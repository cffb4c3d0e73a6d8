using System.Collections.Immutable;
using Deliberation.Domain.History;

namespace Deliberation.Domain.Statements;

/// <summary>An event of a statement's stream: clauses, revisions, positions, signatures.</summary>
public abstract record StatementEvent : DomainEvent;

public sealed record StatementCreated(Guid StatementId, Guid DialogueId, string Title) : StatementEvent;
public sealed record ClauseAdded(Guid ClauseId, ClauseKind Kind, string Text, string? ExternalId, NumericParameter? Parameter, Guid? After, string? Rationale) : StatementEvent;
public sealed record ClauseRevised(Guid ClauseId, int Revision, int BaseRevision, string Text, RevisionKind Kind, RevisionSource Source, string? Rationale, string? ResolvedOptionId, Guid? AmendmentId) : StatementEvent;
public sealed record ClauseWithdrawn(Guid ClauseId, string? Reason) : StatementEvent;
public sealed record PositionTaken(Guid ParticipantId, Guid ClauseId, string? OptionId, int Revision, PositionKind Position, string? Note) : StatementEvent;
public sealed record RangeStated(Guid ParticipantId, Guid ClauseId, int Revision, double Low, double High) : StatementEvent;
/// <summary>Revision <paramref name="Number"/> of the clause's text in <paramref name="Language"/>, translating source revision <paramref name="SourceRevision"/>.</summary>
public sealed record ClauseTranslated(Guid ClauseId, string Language, int Number, int SourceRevision, string Text) : StatementEvent;
public sealed record OptionTranslated(Guid ClauseId, string OptionId, string Language, int Number, int SourceRevision, string Text) : StatementEvent;
public sealed record AmendmentProposed(Guid AmendmentId, Guid ClauseId, int BaseRevision, string Text, string? Rationale) : StatementEvent;
public sealed record AmendmentAccepted(Guid AmendmentId, string? Reason) : StatementEvent;
public sealed record AmendmentDeclined(Guid AmendmentId, string Reason) : StatementEvent;
/// <summary>The frozen text and its SHA-256; <paramref name="Heads"/> are the heads its text binds (absent in texts frozen before heads were bound).</summary>
public sealed record StatementFrozen(string CanonicalText, string Hash, HistoryHeads? Heads = null) : StatementEvent;
public sealed record StatementSigned(string Name, string? Affiliation, SignatureCapacity Capacity, string TextHash) : StatementEvent;
public sealed record SignatureWithdrawn(string? Reason) : StatementEvent;

/// <summary>The room was shown the figures of some clauses (docs/domain.md, "Releases"); everyone may read this event whole.</summary>
public sealed record FiguresReleased(ReleaseTrigger Trigger, ImmutableArray<ClauseRelease> Clauses) : StatementEvent
{
    /// <summary>A threshold release is committed with the position that completed it; naming that delegate would tell the room who changed.</summary>
    public override bool IsTheSystemsAct() => Trigger == ReleaseTrigger.Threshold;
}
