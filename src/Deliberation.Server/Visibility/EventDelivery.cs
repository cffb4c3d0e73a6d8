using System.Text.Json.Nodes;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>One stream's events rendered for one set of connections on this node.</summary>
public abstract record EventDelivery(string StreamId, IReadOnlyList<JsonObject> Events);

/// <summary>To every connection of a role in the dialogue, except those that get their own rendering.</summary>
public sealed record RoleDelivery(Role Role, IReadOnlyList<string> ExceptConnections, string StreamId, IReadOnlyList<JsonObject> Events)
    : EventDelivery(StreamId, Events);

/// <summary>To one connection (of <paramref name="Role"/>) whose own, otherwise hidden, positions are in the batch.</summary>
public sealed record PersonalDelivery(Role Role, string ConnectionId, string StreamId, IReadOnlyList<JsonObject> Events)
    : EventDelivery(StreamId, Events);
