using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Server.Services;

namespace Deliberation.Server.Api;

/// <summary>
/// Domain commands a caller may not send as they are: the server makes ids, invite codes and
/// sessions, and imported positions exist only inside an import (docs/security.md). Internal paths
/// (import, demo seed) send these commands to the grains directly.
/// </summary>
public static class CommandGuard
{
    public static RuleError? Refusal(DialogueCommand command) => command switch
    {
        AddMember { Member.ParticipantId: var id } when id != Guid.Empty => InviteService.MemberIdNotAllowed,
        AddMember => RuleError.Invalid("command.use-endpoint", "Add members with POST /api/dialogues/{id}/members: it makes the member's id and invite."),
        // The code would be the caller's: the hash alone says nothing of how it was made.
        IssueInvite => RuleError.Invalid("invite.code-not-allowed", "The server makes every invite code: use POST /api/dialogues/{id}/members/{participantId}/invites."),
        _ => null,
    };

    public static RuleError? Refusal(StatementCommand command) => command switch
    {
        RecordImportedPositions => RuleError.Invalid("command.import-only", "Positions are recorded by their holders; imported positions exist only inside an import."),
        // Only the chair's ShowTheRoom is a person's act; the others release below k or on the system's schedule (docs/security.md, "Disclosure control").
        ReleaseFigures { Trigger: not ReleaseTrigger.ShowTheRoom } => RuleError.Invalid("release.system-trigger", "Figures are released by the system; a chair may ask to show the room (trigger ShowTheRoom)."),
        _ => null,
    };
}
