namespace Deliberation.Contracts.Http;

/// <summary>The answer to POST /api/dialogues (201): the new dialogue, its stream's version, and who convenes it.</summary>
public sealed record CreatedDialogue(Guid Id, long Version, Guid ConvenerId);
