namespace Deliberation.Persistence;

/// <summary>A participant's place in one dialogue.</summary>
public sealed record DialogueMembership(Guid DialogueId, Guid ParticipantId, string DisplayName, string Role);
