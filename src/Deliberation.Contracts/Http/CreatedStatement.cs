namespace Deliberation.Contracts.Http;

/// <summary>The answer to POST /api/dialogues/{id}/statements (201): the new statement and the dialogue stream's version.</summary>
public sealed record CreatedStatement(Guid Id, long Version);
