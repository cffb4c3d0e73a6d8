using System.Collections.Immutable;

namespace Deliberation.Grains.Realtime;

/// <summary>Who is in the room now, merged over the nodes: ephemeral, never stored. Viewers get it as a <c>PresenceView</c>.</summary>
[GenerateSerializer, Immutable, Alias("Deliberation.Presence")]
public sealed record Presence(
    [property: Id(0)] Guid DialogueId,
    [property: Id(1)] ImmutableArray<PresentMember> Members);

/// <summary>One person present, with how many connections (tabs, devices) she has open.</summary>
[GenerateSerializer, Immutable, Alias("Deliberation.PresentMember")]
public sealed record PresentMember(
    [property: Id(0)] Guid ParticipantId,
    [property: Id(1)] int Connections);
