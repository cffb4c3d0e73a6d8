using System.Collections.Immutable;

namespace Deliberation.Domain.Dialogues;

/// <summary>
/// A participant's place in one dialogue: role and at most one group per dimension.
/// <see cref="ExternalId"/> keeps an imported participant's id in the tool she came from (Pol.is).
/// </summary>
public sealed record Member(
    Guid ParticipantId,
    string DisplayName,
    string? Affiliation,
    Role Role,
    ImmutableDictionary<string, string> Groups,
    string? ExternalId = null)
{
    /// <summary>Brought in from another tool's record rather than invited (docs/domain.md, "Roster").</summary>
    public bool IsImported => ExternalId is not null;

    public string? GroupIn(string dimension) => Groups.TryGetValue(dimension, out var group) ? group : null;
}
