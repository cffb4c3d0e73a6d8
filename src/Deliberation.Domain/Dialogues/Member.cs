using System.Collections.Immutable;

namespace Deliberation.Domain.Dialogues;

/// <summary>A participant's place in one dialogue: role and at most one group per dimension.</summary>
public sealed record Member(
    Guid ParticipantId,
    string DisplayName,
    string? Affiliation,
    Role Role,
    ImmutableDictionary<string, string> Groups)
{
    public string? GroupIn(string dimension) => Groups.TryGetValue(dimension, out var group) ? group : null;
}
