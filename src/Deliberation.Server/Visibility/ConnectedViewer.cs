using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>One live connection and whom it belongs to: what a push rendering is addressed to.</summary>
public sealed record ConnectedViewer(string ConnectionId, Guid ParticipantId, Role Role);
