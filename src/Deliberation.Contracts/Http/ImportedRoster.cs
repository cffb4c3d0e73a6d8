namespace Deliberation.Contracts.Http;

/// <summary>The members a roster file added, in the file's order. They have no invite yet.</summary>
public sealed record ImportedRoster(IReadOnlyList<ImportedMember> Members);

public sealed record ImportedMember(Guid ParticipantId, string DisplayName);
