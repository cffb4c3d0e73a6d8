using System.Collections.Immutable;

namespace Deliberation.Grains.Realtime;

/// <summary>
/// What a dialogue grain answers a node's heartbeat: each of its streams with its latest committed
/// version, and whether the room still had that node subscribed before this beat. A node that
/// learns it had been forgotten (its subscription lapsed, or the grain reactivated elsewhere) is
/// subscribed again by the beat itself and re-reports who is connected through it
/// (docs/architecture.md, "Live fan-out"). A beat that named no node is answered as listening.
/// </summary>
[GenerateSerializer, Immutable, Alias("Deliberation.RoomBeat")]
public sealed record RoomBeat(
    [property: Id(0)] ImmutableDictionary<string, long> Versions,
    [property: Id(1)] bool WasListening);
