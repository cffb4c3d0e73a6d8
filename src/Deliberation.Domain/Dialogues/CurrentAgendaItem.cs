namespace Deliberation.Domain.Dialogues;

/// <summary>
/// The agenda item the room is on and since when: the start is kept so every screen can show how
/// long the item has run against its planned minutes, without a timer of its own.
/// </summary>
public sealed record CurrentAgendaItem(Guid ItemId, DateTimeOffset StartedAt);
