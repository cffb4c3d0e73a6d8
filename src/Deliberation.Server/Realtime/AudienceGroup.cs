using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>
/// The SignalR groups of one role's connections in one dialogue: a push is rendered once per role
/// and sent to that role's groups. A role's connections are spread over <see cref="Slices"/> groups
/// by their connection id, so a big room's push can go out a group at a time with other work let in
/// between (<see cref="PacedFanOut"/>), while each group's message is still serialized once.
/// </summary>
public static class AudienceGroup
{
    public const int Slices = 16;

    public static string Name(Guid dialogueId, Role role, int slice) => $"{dialogueId:N}:{role}:{slice}";

    /// <summary>The group a connection is in for this role: fixed by its id, so leaving needs no lookup.</summary>
    public static string Of(Guid dialogueId, Role role, string connectionId) => Name(dialogueId, role, SliceOf(connectionId));

    /// <summary>Every group of the dialogue, of every role.</summary>
    public static IReadOnlyList<string> All(Guid dialogueId) =>
        [.. Enum.GetValues<Role>().SelectMany(role => Enumerable.Range(0, Slices).Select(slice => Name(dialogueId, role, slice)))];

    /// <summary>Which of the role's groups a connection is in. Stable within the process, which is all a node's groups need.</summary>
    public static int SliceOf(string connectionId) => (int)((uint)StringComparer.Ordinal.GetHashCode(connectionId) % Slices);
}
