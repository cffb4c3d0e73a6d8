using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Statements;

namespace Deliberation.Server.Realtime;

/// <summary>
/// Everything a room join reads (<see cref="Services.DialogueService.GetRoomSnapshotAsync"/>): the
/// dialogue and, in the dialogue's order, each listed statement with its consensus (unredacted: the
/// edge redacts per viewer). A statement listed but never created has <c>State.Exists</c> false.
/// </summary>
public sealed record RoomSnapshot(DialogueState Dialogue, IReadOnlyList<StatementSnapshot> Statements);
