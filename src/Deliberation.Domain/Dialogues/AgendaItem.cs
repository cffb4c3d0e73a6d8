namespace Deliberation.Domain.Dialogues;

/// <summary>One item of the session's agenda, optionally tied to a clause and timeboxed.</summary>
public sealed record AgendaItem(Guid Id, string Title, int? Minutes, Guid? StatementId, Guid? ClauseId);
