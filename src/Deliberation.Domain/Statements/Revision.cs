namespace Deliberation.Domain.Statements;

/// <summary>One version of a clause's text. <see cref="Number"/> counts from 1.</summary>
public sealed record Revision(
    int Number,
    string Text,
    Guid Author,
    DateTimeOffset At,
    RevisionKind Kind,
    RevisionSource Source,
    string? Rationale);
