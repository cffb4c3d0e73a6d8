namespace Deliberation.Domain.Statements;

/// <summary>
/// Equal positions as one object. The domain never changes a <see cref="Position"/> in place, so they can be: the
/// 2,000,000 positions of an imported conversation are a handful of distinct values (one time, five kinds, a few
/// revisions). Only those without a note, and only the last few distinct ones remembered: a live room's positions
/// all differ in their time, and remembering them would cost what sharing saves.
/// </summary>
public sealed class SharedPositions
{
    private const int RememberedAtMost = 64;

    private readonly Dictionary<Position, Position> remembered = [];

    public Position Of(Position position)
    {
        if (position.Note is not null)
            return position;
        if (remembered.TryGetValue(position, out var same))
            return same;
        if (remembered.Count == RememberedAtMost)
            remembered.Clear();
        remembered[position] = position;
        return position;
    }
}
