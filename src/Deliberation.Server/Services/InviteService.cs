using System.Security.Cryptography;
using System.Text;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Persistence;

namespace Deliberation.Server.Services;

/// <summary>
/// Invites are random 256-bit codes; only their SHA-256 is stored, so a leaked database signs
/// nobody in. They expire, and an organiser can revoke them.
/// </summary>
public sealed class InviteService(DialogueService dialogues, IDialogueDirectory directory, TimeProvider time, IConfiguration configuration)
{
    public sealed record Issued(Guid ParticipantId, string Code, DateTimeOffset ExpiresAt);

    public enum RedeemFailure { None, Unknown, Revoked, Expired, NoLongerMember }

    public static string NewCode() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>Adds a member and issues her invite in one commit, so no member exists without a way in.</summary>
    public async Task<(Issued? Invite, CommandOutcome Outcome)> AddMemberWithInviteAsync(Guid dialogueId, Member member, Guid actor)
    {
        var participantId = member.ParticipantId == Guid.Empty ? Guid.NewGuid() : member.ParticipantId;
        var code = NewCode();
        var expires = time.GetUtcNow().AddDays(configuration.GetValue("Invites:ValidDays", 30));
        var outcome = await dialogues.ExecuteAsync(dialogueId,
            [new AddMember(member with { ParticipantId = participantId }), new IssueInvite(participantId, Hash(code), expires)], actor);
        if (!outcome.Accepted)
            return (null, outcome);
        await dialogues.RegisterAsync(participantId, member.DisplayName, member.Affiliation, dialogueId, member.Role);
        return (new Issued(participantId, code, expires), outcome);
    }

    /// <summary>A new invite for an existing member (the old ones stay valid until revoked).</summary>
    public async Task<(Issued? Invite, CommandOutcome Outcome)> ReissueAsync(Guid dialogueId, Guid participantId, Guid actor)
    {
        var code = NewCode();
        var expires = time.GetUtcNow().AddDays(configuration.GetValue("Invites:ValidDays", 30));
        var outcome = await dialogues.ExecuteAsync(dialogueId, new IssueInvite(participantId, Hash(code), expires), actor);
        return outcome.Accepted ? (new Issued(participantId, code, expires), outcome) : (null, outcome);
    }

    public async Task<(InviteRecord? Invite, RedeemFailure Failure)> RedeemAsync(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100)
            return (null, RedeemFailure.Unknown);
        var invite = await directory.FindInviteAsync(Hash(code));
        if (invite is null)
            return (null, RedeemFailure.Unknown);
        if (invite.RevokedAt is not null)
            return (null, RedeemFailure.Revoked);
        if (invite.ExpiresAt <= time.GetUtcNow())
            return (null, RedeemFailure.Expired);
        var dialogue = await dialogues.GetDialogueAsync(invite.DialogueId);
        if (dialogue?.MemberOrNull(invite.ParticipantId) is null)
            return (null, RedeemFailure.NoLongerMember);
        // The dialogue's own state has the last word: the index only finds the dialogue, and may
        // lag behind a revocation committed just before a crash.
        return dialogue.Invites.TryGetValue(invite.CodeHash, out var holder) && holder == invite.ParticipantId
            ? (invite, RedeemFailure.None)
            : (null, RedeemFailure.Revoked);
    }

    public static string Link(string baseUrl, string code) => $"{baseUrl.TrimEnd('/')}/invite/{code}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
