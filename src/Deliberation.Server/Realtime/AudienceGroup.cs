using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>
/// The SignalR group of one role's connections in one dialogue: a push is rendered once per role
/// and sent to its group.
/// </summary>
public static class AudienceGroup
{
    public static string Name(Guid dialogueId, Role role) => $"{dialogueId:N}:{role}";
}
