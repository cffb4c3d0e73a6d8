using System.Security.Cryptography;
using System.Text;
using Deliberation.Domain;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Sessions;
using Deliberation.Persistence;
using Deliberation.Server.Extensions;

namespace Deliberation.Server.Services;

/// <summary>
/// Invites are random 256-bit codes made here and nowhere else; only their SHA-256 is stored, so a
/// leaked database signs nobody in. They expire within the dialogue's invite lifetime, start at most
/// its number of sessions, and an organiser can revoke them — which ends the sessions they started
/// (docs/security.md, "Invites").
/// </summary>
public sealed class InviteService(DialogueService dialogues, IDialogueDirectory directory, TimeProvider time)
{
    public sealed record Issued(Guid ParticipantId, string Code, DateTimeOffset ExpiresAt);

    /// <summary>A redeemed invite: the session it started, and the member it signs in as.</summary>
    public sealed record Redeemed(SessionClaim Session, Member Member);

    public static string NewCode() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    /// <summary>
    /// Adds a member and issues her invite in one commit, so no member exists without a way in. The
    /// participant id is made here: a caller never names one (<c>member.id-not-allowed</c>).
    /// </summary>
    public async Task<(Issued? Invite, CommandOutcome Outcome)> AddMemberWithInviteAsync(Guid dialogueId, Member member, Guid actor)
    {
        if (member.ParticipantId != Guid.Empty)
            return (null, CommandOutcome.Refused(StreamIds.Dialogue(dialogueId), 0, MemberIdNotAllowed));
        var participantId = Guid.NewGuid();
        var code = NewCode();
        var expires = await ExpiryAsync(dialogueId);
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
        var expires = await ExpiryAsync(dialogueId);
        var outcome = await dialogues.ExecuteAsync(dialogueId, new IssueInvite(participantId, Hash(code), expires), actor);
        return outcome.Accepted ? (new Issued(participantId, code, expires), outcome) : (null, outcome);
    }

    /// <summary>A new invite for each member but the caller (who is signed in already) and those with a live invite.</summary>
    /// <remarks>
    /// With <paramref name="reissueAll"/> every member but the caller gets one, and all their old
    /// invites are revoked — which ends the sessions those started. Revocations and invites go to the
    /// dialogue as one batch, so either every link below works or none was made.
    /// </remarks>
    public async Task<(IReadOnlyList<(Member Member, Issued Invite)> Issued, int Revoked, CommandOutcome? Refusal)> IssueForEveryoneAsync(Guid dialogueId, bool reissueAll, Guid actor)
    {
        var state = await dialogues.GetDialogueAsync(dialogueId);
        if (state is null)
            return ([], 0, CommandOutcome.Refused(StreamIds.Dialogue(dialogueId), 0, RuleError.NotFound("dialogue.not-found", "There is no such dialogue.")));
        var now = time.GetUtcNow();
        var expires = now.AddDays(state.Settings.InviteLifetimeDays);
        bool Live(string codeHash) => !state.InviteExpiry.TryGetValue(codeHash, out var until) || until > now;
        var holdingLive = state.Invites.Where(i => Live(i.Key)).Select(i => i.Value).ToHashSet();
        var people = state.Roster.Values
            .Where(m => m.ParticipantId != actor && (reissueAll || !holdingLive.Contains(m.ParticipantId)))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var commands = new List<DialogueCommand>();
        if (reissueAll)
        {
            var everyone = people.Select(m => m.ParticipantId).ToHashSet();
            commands.AddRange(state.Invites.Where(i => everyone.Contains(i.Value)).Select(i => new RevokeInvite(i.Key)));
        }
        var revoked = commands.Count;
        var issued = people.Select(m => (Member: m, Invite: new Issued(m.ParticipantId, NewCode(), expires))).ToList();
        commands.AddRange(issued.Select(i => new IssueInvite(i.Member.ParticipantId, Hash(i.Invite.Code), expires)));
        if (commands.Count == 0)
            return ([], 0, null);
        var outcome = await dialogues.ExecuteAsync(dialogueId, commands, actor);
        return outcome.Accepted ? (issued.Select(i => (i.Member, i.Invite)).ToList(), revoked, null) : ([], 0, outcome);
    }

    /// <summary>
    /// Starts a session with an invite. The dialogue's sessions grain decides (one thread), so two
    /// browsers racing for an invite's last redemption cannot both win.
    /// </summary>
    public async Task<(Redeemed? Redeemed, RuleError? Refusal)> RedeemAsync(string code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 100)
            return (null, NotFound);
        var invite = await directory.FindInviteAsync(Hash(code));
        if (invite is null)
            return (null, NotFound);
        if (invite.RevokedAt is not null)
            return (null, Revoked);
        if (invite.ExpiresAt <= time.GetUtcNow())
            return (null, RuleError.Forbidden("invite.expired", "This invite has expired; ask the convener for a new one."));
        var session = new SessionClaim(invite.DialogueId, Guid.NewGuid(), invite.ParticipantId, invite.CodeHash);
        // The dialogue's own state has the last word: the index only finds the dialogue, and may
        // lag behind a revocation committed just before a crash.
        var outcome = await dialogues.ExecuteAsync(invite.DialogueId, new RedeemInvite(session.SessionId, invite.CodeHash), invite.ParticipantId);
        if (!outcome.Accepted)
            return (null, outcome.Error!.Rule == "dialogue.not-a-member"
                ? RuleError.Forbidden("invite.not-a-member", "You are no longer a member of this dialogue.")
                : outcome.Error);
        var member = (await dialogues.GetDialogueAsync(invite.DialogueId))?.MemberOrNull(invite.ParticipantId);
        return member is null ? (null, Revoked) : (new Redeemed(session, member), null);
    }

    public static string Link(string baseUrl, string code) => $"{baseUrl.TrimEnd('/')}/invite/{code}";

    public static RuleError MemberIdNotAllowed { get; } =
        RuleError.Invalid("member.id-not-allowed", "The server makes every participant id; leave participantId out.");

    private static RuleError NotFound => RuleError.NotFound("invite.not-found", "There is no such invite.");

    private static RuleError Revoked => RuleError.Forbidden("invite.revoked", "This invite was revoked; ask the convener for a new one.");

    private async Task<DateTimeOffset> ExpiryAsync(Guid dialogueId) =>
        time.GetUtcNow().AddDays((await dialogues.GetDialogueAsync(dialogueId))?.Settings.InviteLifetimeDays ?? 1);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
