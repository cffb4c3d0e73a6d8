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
        // Thresholds, phase changes and imports release on the system's own schedule; a client that
        // could send them would release when it liked, bypassing the chair's forced-release confirmation.
        ReleaseFigures { Trigger: not ReleaseTrigger.ShowTheRoom } => RuleError.Invalid("release.system-trigger", "Only the chair's ShowTheRoom release may be sent; threshold, phase-change and import releases are the system's."),
        _ => null,
    };
}
