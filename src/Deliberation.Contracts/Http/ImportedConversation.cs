namespace Deliberation.Contracts.Http;

/// <summary>The answer to POST /api/imports/polis (201): the dialogue made from the conversation, and what it holds.</summary>
public sealed record ImportedConversation(Guid DialogueId, Guid StatementId, int Clauses, int Participants, int Positions);
