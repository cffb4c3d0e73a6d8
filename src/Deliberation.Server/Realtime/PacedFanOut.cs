using Deliberation.Domain.Dialogues;
using Deliberation.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Sends one role's messages to its connections on this node a few groups at a time, going to the
/// back of the thread pool's queue between them. A send to a connection queues its transport's write
/// on the thread pool; a send to 1,000 connections queues a thousand at once, and every step of a
/// command that arrives then (the hub filter, the grain call, the commit, the answer) waited behind
/// all of them: at 1,000 clients the acknowledgement was most of the delay (docs/performance.md,
/// "Keeping commands out of fan-out's way"). Between slices, what queued meanwhile runs first, so a
/// command waits behind one slice, not behind the room. A room no bigger than a slice goes at once.
/// A push batch's messages go to a group together (<see cref="RoleMessages"/>).
/// </summary>
public sealed class PacedFanOut(IHubContext<DialogueHub, IDialogueClient> hub, NodeConnections connections, IConfiguration configuration)
{
    private readonly int slice = Math.Max(1, configuration.GetValue("Realtime:FanOutSlice", 64));

    /// <param name="except">Connections that get a rendering of their own instead (their own hidden positions).</param>
    public Task ToRoleAsync(Guid dialogueId, Role role, IReadOnlyList<string> except, Func<IDialogueClient, Task> send)
    {
        var messages = new RoleMessages(role);
        messages.ToAll(send, except);
        return ToRoleAsync(dialogueId, messages);
    }

    public Task ToRoleAsync(Guid dialogueId, Role role, Func<IDialogueClient, Task> send) => ToRoleAsync(dialogueId, role, [], send);

    /// <summary>Every message to the role's first group, then every message to the next, and so on (see <see cref="RoleMessages"/>).</summary>
    public async Task ToRoleAsync(Guid dialogueId, RoleMessages messages)
    {
        if (messages.Messages.Count == 0)
            return;
        var role = messages.Role;
        // The groups fill evenly (by connection id), so the role's size says about how many a group is;
        // the room's size would make a few facilitators in a room of 1,000 yield after every group.
        var perGroup = Math.Max(1, connections.CountIn(dialogueId, role) / AudienceGroup.Slices);
        var sinceYield = 0;
        for (var group = 0; group < AudienceGroup.Slices; group++)
        {
            if (sinceYield >= slice)
            {
                await Task.Yield();
                sinceYield = 0;
            }
            var name = AudienceGroup.Name(dialogueId, role, group);
            foreach (var message in messages.Messages)
            {
                if (message.OwnTo is { } connectionId)
                {
                    if (AudienceGroup.SliceOf(connectionId) == group)
                        await message.Send(hub.Clients.Client(connectionId));
                }
                else if (ExceptIn(message.Except, group) is { Count: > 0 } except)
                    await message.Send(hub.Clients.GroupExcept(name, except));
                else
                    await message.Send(hub.Clients.Group(name));
            }
            sinceYield += perGroup;
        }
    }

    /// <summary>
    /// The excepted connections in this group. A connection is in one group of its role, so only that
    /// group's send need leave it out; the others go as plain group sends, which read no connection's
    /// id (a group send with exceptions compares every connection's id with each of them: 2% of a node's
    /// CPU under load in a room of 2,000, docs/performance.md, "Session 23").
    /// </summary>
    private static IReadOnlyList<string> ExceptIn(IReadOnlyList<string> except, int group) =>
        except.Count == 0 ? except : [.. except.Where(c => AudienceGroup.SliceOf(c) == group)];
}
