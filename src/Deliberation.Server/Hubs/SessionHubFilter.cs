using System.Collections.Concurrent;
using System.Reflection;
using Deliberation.Server.Extensions;
using Deliberation.Server.Realtime;
using Deliberation.Server.Services;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Hubs;

/// <summary>
/// Checks, on every hub call, the session the caller's cookie names in the dialogue the call is
/// about, against that dialogue as it is now (docs/security.md, "Sessions"): the hub's
/// MembershipFilter. A command from a session that ended is refused with its rule and does nothing.
/// It also keeps each connection reachable, so a removal or a revocation can close it.
/// </summary>
public sealed class SessionHubFilter(DialogueService dialogues, NodeConnections connections, LiveConnections live) : IHubFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> DialogueIdProperties = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // Leaving needs no session, and a request without a dialogue is answered as malformed by the hub.
        if (context.HubMethodName == nameof(DialogueHub.LeaveDialogue) || DialogueOf(context.HubMethodArguments) is not { } dialogueId)
            return await next(context);
        var refusal = context.Context.User?.SessionIn(dialogueId) is not { } claim
            ? RuleError.Forbidden("dialogue.not-a-member", "You are not signed in to this dialogue.")
            : await CheckAsync(context.Context, dialogueId, claim);
        if (refusal is null)
            return await next(context);
        if (context.HubMethod.ReturnType == typeof(Task<CommandOutcome>))
            return CommandOutcome.Refused("", 0, refusal);
        throw new HubException(refusal.Message);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        live.Add(context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        live.Remove(context.Context.ConnectionId);
        return next(context, exception);
    }

    /// <remarks>
    /// A node with connections in the dialogue holds its state, refreshed before any push whenever a
    /// member is removed or changed or an invite revoked (<see cref="SessionEnforcer"/>): checking
    /// against it costs no grain call. A refusal is confirmed on the dialogue's own state, since the
    /// copy may not yet know a member just added. The session record itself (ended by signing out)
    /// is read once per connection and dialogue.
    /// </remarks>
    private async Task<RuleError?> CheckAsync(HubCallerContext caller, Guid dialogueId, SessionClaim claim)
    {
        var recordKey = (SessionRecordChecked, claim.SessionId);
        if (!caller.Items.ContainsKey(recordKey))
        {
            if (await dialogues.GetDialogueAsync(dialogueId) is not { } fresh)
                return null;
            if (SessionCheck.Admit(fresh, await dialogues.GetSessionsAsync(dialogueId), claim) is { } refusal)
                return refusal;
            caller.Items[recordKey] = true;
            return null;
        }
        if (connections.CountIn(dialogueId) > 0 && connections.DialogueOf(dialogueId) is { } held && SessionCheck.Admit(held, null, claim) is null)
            return null;
        return await dialogues.GetDialogueAsync(dialogueId) is { } dialogue ? SessionCheck.Admit(dialogue, null, claim) : null;
    }

    private static readonly object SessionRecordChecked = new();

    /// <summary>The dialogue a call is about: a Guid argument, or a request's <c>DialogueId</c>.</summary>
    private static Guid? DialogueOf(IReadOnlyList<object?> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is Guid id)
                return id;
            if (argument is not null && DialogueIdProperties.GetOrAdd(argument.GetType(), t => t.GetProperty("DialogueId", typeof(Guid))) is { } property)
                return (Guid)property.GetValue(argument)!;
        }
        return null;
    }
}
