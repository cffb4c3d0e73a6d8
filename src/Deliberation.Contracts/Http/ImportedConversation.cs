namespace Deliberation.Contracts.Http;

/// <summary>The result of a finished import job (GET /api/imports/{jobId}): the dialogue made from the conversation, and what it holds.</summary>
public sealed record ImportedConversation(Guid DialogueId, Guid StatementId, int Clauses, int Participants, long Positions);
