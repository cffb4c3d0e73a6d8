using Deliberation.Domain.Dialogues;
using Deliberation.Server.Hubs;

namespace Deliberation.Server.Realtime;

/// <summary>
/// What one push batch sends one role's connections, in order: messages to all of them but those
/// excepted, and messages of a connection's own. <see cref="PacedFanOut"/> sends them a group at a
/// time, every message of the batch to one group before the next group, so a connection's messages
/// are written one right after the other — they leave in one WebSocket frame where the transport
/// had not sent the first yet — and each connection receives them in this order.
/// </summary>
public sealed class RoleMessages(Role role)
{
    /// <param name="Except">Connections that get a message of their own instead (<paramref name="OwnTo"/> on another entry).</param>
    /// <param name="OwnTo">Set for a message to one connection only.</param>
    public sealed record Message(Func<IDialogueClient, Task> Send, IReadOnlyList<string> Except, string? OwnTo = null);

    private readonly List<Message> messages = [];

    public Role Role { get; } = role;

    public IReadOnlyList<Message> Messages => messages;

    public void ToAll(Func<IDialogueClient, Task> send, IReadOnlyList<string>? except = null) => messages.Add(new(send, except ?? []));

    public void ToOne(string connectionId, Func<IDialogueClient, Task> send) => messages.Add(new(send, [], connectionId));
}
