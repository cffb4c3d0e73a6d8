namespace Deliberation.Contracts.Http.Accounts;

/// <summary>POST /api/account/dialogues/{id}/enter: the account is now signed in to its dialogue as this participant.</summary>
public sealed record EnteredDialogue(Guid DialogueId, Guid ParticipantId);
