namespace Deliberation.Domain.Statements;

/// <summary>
/// What counting reads of a position, kept in a <see cref="PositionTable"/>'s flat arrays: its kind
/// and the revision it was given on, eight bytes and no reference. The default cell is an empty slot.
/// </summary>
public readonly struct PositionCell
{
    // Kind + 1, so the zeroed cell of a fresh leaf reads as empty.
    private readonly int kindPlusOne;

    public PositionCell(PositionKind kind, int revision) => (kindPlusOne, Revision) = ((int)kind + 1, revision);

    public int Revision { get; }

    public bool IsEmpty => kindPlusOne == 0;

    public PositionKind Kind => (PositionKind)(kindPlusOne - 1);
}
