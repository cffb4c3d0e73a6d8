namespace Deliberation.Domain.Statements;

/// <summary>
/// One slot of a <see cref="PositionTable"/>: what counting reads of a position — its kind and the
/// revision it was given on — held in the array itself, so a scan follows no reference, and the
/// <see cref="Position"/> (note, time) beside them for whoever needs the rest. One array rather than
/// two, so a change copies one leaf. The default cell is an empty slot.
/// </summary>
public readonly struct PositionCell
{
    // Kind + 1, so the zeroed cell of a fresh leaf reads as empty.
    private readonly int kindPlusOne;

    public PositionCell(Position position) =>
        (kindPlusOne, Revision, Position) = ((int)position.Kind + 1, position.Revision, position);

    public int Revision { get; }

    /// <summary>The position itself; null in an empty slot.</summary>
    public Position? Position { get; }

    public bool IsEmpty => kindPlusOne == 0;

    public PositionKind Kind => (PositionKind)(kindPlusOne - 1);
}
