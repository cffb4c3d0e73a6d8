using Deliberation.Domain.Dialogues;
using Deliberation.Server.Extensions;
using Deliberation.Server.Services;

namespace Deliberation.Server.Api;

/// <summary>The caller as a member of one dialogue: what she may see follows from her role and the mode.</summary>
public sealed record Viewer(Guid ParticipantId, Member Member, DialogueState Dialogue)
{
    public Role Role => Member.Role;

    /// <summary>Resolves the caller in a dialogue, or the problem to answer with (401, 404, 403).</summary>
    public static async Task<(Viewer? Viewer, IResult? Problem)> ResolveAsync(HttpContext http, DialogueService dialogues, Guid dialogueId)
    {
        if (http.User.ParticipantId() is not { } participantId)
            return (null, Problems.Unauthenticated());
        if (await dialogues.GetDialogueAsync(dialogueId) is not { } dialogue)
            return (null, Problems.NotFound("dialogue.not-found", "There is no such dialogue."));
        // Not-a-member looks like not-found to outsiders would hide existence; but members of other
        // dialogues legitimately hold links, so say plainly that this one is not theirs.
        return dialogue.MemberOrNull(participantId) is { } member
            ? (new Viewer(participantId, member, dialogue), null)
            : (null, Problems.Forbidden("dialogue.not-a-member", "You are not a member of this dialogue."));
    }
}
