using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>
/// One live connection and whom it belongs to: what a push rendering is addressed to. A connection
/// that watches <see cref="AsRoom"/> (the projector) is rendered for <see cref="Role"/> Delegate with
/// no own positions, whoever opened it; <see cref="ParticipantId"/> stays the person whose session
/// it rides on, so ending her session closes it.
/// </summary>
public sealed record ConnectedViewer(string ConnectionId, Guid ParticipantId, Role Role, bool AsRoom = false)
{
    /// <summary>The role the room audience is rendered as: what any delegate may see (docs/security.md).</summary>
    public const Role RoomRole = Role.Delegate;

    /// <summary>A projector's connection: seen as the room sees, by nobody's own positions.</summary>
    public static ConnectedViewer Room(string connectionId, Guid openedBy) => new(connectionId, openedBy, RoomRole, AsRoom: true);
}
