using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Domain.Sessions;

/// <summary>
/// Every session ever started in one dialogue, ended ones included (they count as redemptions).
/// Its own stream beside the dialogue's: signing in is not part of the dialogue's history, and the
/// events log members read does not show who signed in when.
/// </summary>
public sealed record DialogueSessionsState(Guid DialogueId, long Version, ImmutableDictionary<Guid, ParticipantSession> Sessions)
{
    public static DialogueSessionsState Initial(Guid dialogueId) => new(dialogueId, 0, ImmutableDictionary<Guid, ParticipantSession>.Empty);

    /// <summary>How many sessions an invite has started.</summary>
    public int RedemptionsOf(string codeHash) => Sessions.Values.Count(s => s.InviteHash == codeHash);

    /// <summary>
    /// The session when it may act now: not ended, its member still on the roster, and the invite it
    /// came from not revoked. A removed member or a revoked invite ends it without an event of its own.
    /// </summary>
    public ParticipantSession? LiveSessionOrNull(Guid sessionId, DialogueState dialogue) =>
        Sessions.TryGetValue(sessionId, out var session)
        && session.EndedAt is null
        && dialogue.Roster.ContainsKey(session.ParticipantId)
        && (session.InviteHash is null || dialogue.InviteHeldBy(session.InviteHash, session.ParticipantId))
            ? session
            : null;
}

public abstract record SessionEvent : DomainEvent;
public sealed record SessionStarted(Guid SessionId, Guid ParticipantId, string? InviteHash) : SessionEvent;
public sealed record SessionEnded(Guid SessionId) : SessionEvent;

public abstract record SessionCommand;
/// <summary>Signs the actor in with an invite she holds, while it has redemptions left.</summary>
public sealed record RedeemInvite(Guid SessionId, string CodeHash) : SessionCommand;
/// <summary>Signs the convener in as she creates the dialogue: the one session without an invite.</summary>
public sealed record StartFoundingSession(Guid SessionId) : SessionCommand;
/// <summary>
/// Signs a member in through the organiser account linked to her membership (the account that
/// convenes the dialogue re-entering it); the edge checks the link before asking.
/// </summary>
public sealed record StartAccountSession(Guid SessionId) : SessionCommand;
/// <summary>Ends a session: its holder signing out, or an organiser ending it.</summary>
public sealed record EndSession(Guid SessionId) : SessionCommand;

/// <summary>The sessions decider. It reads the dialogue's roster, invites and settings but never changes them.</summary>
public static class DialogueSessions
{
    /// <remarks>The actor is the member signing in: the edge finds her by the invite's code before asking.</remarks>
    public static Decision<SessionEvent> Decide(DialogueSessionsState state, SessionCommand command, DialogueState dialogue, Guid actor, DateTimeOffset now)
    {
        if (!dialogue.Exists)
            return RuleError.NotFound("dialogue.not-found", "There is no such dialogue.");
        if (dialogue.MemberOrNull(actor) is not { } member)
            return RuleError.Forbidden("dialogue.not-a-member", "Only members of this dialogue may sign in to it.");
        if (command is RedeemInvite or StartFoundingSession or StartAccountSession && (SessionIdOf(command) == Guid.Empty || state.Sessions.ContainsKey(SessionIdOf(command))))
            return RuleError.Conflict("session.exists", "That session exists already.");
        return command switch
        {
            RedeemInvite c => DecideRedeem(state, c, dialogue, actor, now),
            StartFoundingSession c => member.Role == Role.Convener && state.Sessions.IsEmpty
                ? Decision<SessionEvent>.Accept(new SessionStarted(c.SessionId, actor, null))
                : RuleError.Forbidden("session.invite-required", "Sign in with an invite."),
            StartAccountSession c => Decision<SessionEvent>.Accept(new SessionStarted(c.SessionId, actor, null)),
            EndSession c => DecideEnd(state, c, member),
            _ => RuleError.Invalid("command.unknown", $"Sessions do not handle {command.GetType().Name}."),
        };
    }

    public static DialogueSessionsState Apply(DialogueSessionsState state, SessionEvent e, EventMeta meta)
    {
        var sessions = e switch
        {
            SessionStarted c => state.Sessions.SetItem(c.SessionId, new ParticipantSession(c.SessionId, c.ParticipantId, c.InviteHash, meta.OccurredAt)),
            SessionEnded c => state.Sessions.SetItem(c.SessionId, state.Sessions[c.SessionId] with { EndedAt = meta.OccurredAt }),
            _ => throw new InvalidOperationException($"Sessions cannot apply {e.GetType().Name}."),
        };
        return state with { Sessions = sessions, Version = meta.Version };
    }

    private static Guid SessionIdOf(SessionCommand command) => command switch
    {
        RedeemInvite c => c.SessionId,
        StartFoundingSession c => c.SessionId,
        StartAccountSession c => c.SessionId,
        EndSession c => c.SessionId,
        _ => Guid.Empty,
    };

    private static Decision<SessionEvent> DecideRedeem(DialogueSessionsState state, RedeemInvite c, DialogueState dialogue, Guid actor, DateTimeOffset now)
    {
        // The dialogue's own state has the last word: the invite index only found the dialogue.
        if (!dialogue.InviteHeldBy(c.CodeHash, actor))
            return RuleError.Forbidden("invite.revoked", "This invite was revoked; ask the convener for a new one.");
        if (dialogue.InviteExpiry.TryGetValue(c.CodeHash, out var expires) && expires <= now)
            return RuleError.Forbidden("invite.expired", "This invite has expired; ask the convener for a new one.");
        var allowed = dialogue.Settings.InviteRedemptions;
        return state.RedemptionsOf(c.CodeHash) >= allowed
            ? RuleError.Forbidden("invite.used-up", $"This invite has signed in {allowed} browser(s) already; ask the convener for a new one.")
            : Decision<SessionEvent>.Accept(new SessionStarted(c.SessionId, actor, c.CodeHash));
    }

    private static Decision<SessionEvent> DecideEnd(DialogueSessionsState state, EndSession c, Member member)
    {
        if (!state.Sessions.TryGetValue(c.SessionId, out var session))
            return RuleError.NotFound("session.not-found", "There is no such session.");
        if (session.ParticipantId != member.ParticipantId && !member.Role.Organises())
            return RuleError.Forbidden("session.not-yours", "Only its holder or an organiser ends a session.");
        return session.EndedAt is null
            ? Decision<SessionEvent>.Accept(new SessionEnded(c.SessionId))
            : RuleError.Conflict("session.ended", "That session has ended already.");
    }
}
