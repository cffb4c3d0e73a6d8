using System.Collections.Immutable;

namespace Deliberation.Contracts.Hub;

/// <summary>
/// Pushed about every second while a client is in a dialogue: each stream's latest committed
/// version. A client holding less than a stream's version missed a push (or it is still on its
/// way): if it has not arrived shortly after, it calls <c>CatchUp</c> (docs/api.md, "SignalR hub").
/// Every member sees every stream's versions — events hidden from her arrive as opaque
/// <c>Hidden</c> entries with their versions — so the heartbeat is the same for every role.
/// </summary>
public sealed record RoomHeartbeat(Guid DialogueId, ImmutableDictionary<string, long> Versions);
