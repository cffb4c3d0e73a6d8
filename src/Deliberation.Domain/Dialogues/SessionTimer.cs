namespace Deliberation.Domain.Dialogues;

/// <summary>The facilitator's timebox: what it is for and when it runs out.</summary>
public sealed record SessionTimer(string Label, DateTimeOffset StartedAt, DateTimeOffset EndsAt);
