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
public sealed class SessionHubFilter(DialogueService dialogues, LiveConnections live) : IHubFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> DialogueIdProperties = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        // Leaving needs no session, and a request without a dialogue is answered as malformed by the hub.
        if (context.HubMethodName == nameof(DialogueHub.LeaveDialogue) || DialogueOf(context.HubMethodArguments) is not { } dialogueId)
            return await next(context);
        var refusal = context.Context.User?.SessionIn(dialogueId) is not { } claim
            ? RuleError.Forbidden("dialogue.not-a-member", "You are not signed in to this dialogue.")
            : await dialogues.GetDialogueAsync(dialogueId) is { } dialogue ? SessionCheck.Admit(dialogue, claim) : null;
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
