namespace Deliberation.Domain.Dialogues;

/// <summary>The clause "on the floor".</summary>
public sealed record Focus(Guid StatementId, Guid ClauseId);
