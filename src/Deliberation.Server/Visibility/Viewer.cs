using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>The caller as a member of one dialogue: what she may see follows from her role and the mode.</summary>
public sealed record Viewer(Guid ParticipantId, Member Member, DialogueState Dialogue)
{
    public Role Role => Member.Role;

    public Audience Audience => new(Role, Dialogue.Settings.Confidentiality, ParticipantId);

    /// <summary>Whether she may learn who took which position.</summary>
    public bool SeesNames => Audience.SeesNames;

    /// <summary>
    /// The room's audience — what the projector shows, whoever opens it (docs/security.md, "The
    /// projector"): a delegate with no own positions and no groups, so nothing is rendered as hers.
    /// </summary>
    public static Viewer Room(DialogueState dialogue) =>
        new(Guid.Empty, new Member(Guid.Empty, "The room", null, ConnectedViewer.RoomRole, ImmutableDictionary<string, string>.Empty), dialogue);

    /// <summary>The participant as a viewer of the dialogue, or null when she is not a member.</summary>
    public static Viewer? Of(DialogueState dialogue, Guid participantId) =>
        dialogue.MemberOrNull(participantId) is { } member ? new Viewer(participantId, member, dialogue) : null;
}
