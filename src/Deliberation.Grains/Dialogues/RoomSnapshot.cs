using Deliberation.Domain.Dialogues;
using Deliberation.Grains.Statements;

namespace Deliberation.Grains.Dialogues;

/// <summary>
/// Everything a room join reads, from one query to the dialogue grain: the dialogue and, in the
/// dialogue's order, each listed statement with its consensus (unredacted: the edge redacts per viewer).
/// A statement listed but never created has <c>State.Exists</c> false.
/// </summary>
[GenerateSerializer, Immutable, Alias("Deliberation.RoomSnapshot")]
public sealed record RoomSnapshot(
    [property: Id(0)] DialogueState Dialogue,
    [property: Id(1)] IReadOnlyList<StatementSnapshot> Statements);
