using System.Collections.Immutable;

namespace Deliberation.Domain.Realtime;

/// <summary>Who is in the room now: ephemeral, never stored.</summary>
public sealed record Presence(Guid DialogueId, ImmutableArray<PresentMember> Members);

/// <summary>One person present, with how many connections (tabs, devices) she has open.</summary>
public sealed record PresentMember(Guid ParticipantId, int Connections);

/// <summary>
/// Text a drafter is typing, not yet committed: shown to others as a preview, marked as such.
/// Ephemeral, never stored.
/// </summary>
public sealed record DraftPreview(Guid DialogueId, Guid StatementId, Guid ClauseId, int BaseRevision, string Text, Guid Author, DateTimeOffset At);
