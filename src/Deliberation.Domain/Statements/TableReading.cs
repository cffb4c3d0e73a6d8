namespace Deliberation.Domain.Statements;

/// <summary>
/// One reading of a statement's JSON in which every position table is put on one numbering as it is
/// read, and equal positions are read as one object (<see cref="Statement.ReadNumberedAsOneAsync"/>).
/// Read without one, each table is numbered on its own, with a map of its own participants, until
/// <see cref="Statement.NumberedAsOne"/> renumbers them: for an imported statement of 33,000 people
/// and 783 clauses, the tables as parsed and as renumbered were alive together, the peak of its
/// first opening (docs/performance.md, "Session 18: numbered as it is read").
/// </summary>
internal sealed class TableReading
{
    // An async local flows into the deserializer's continuations, and a value set inside an async
    // method is gone for its caller: only the reading that began it sees it.
    private static readonly AsyncLocal<TableReading?> current = new();

    private TableReading()
    {
    }

    /// <summary>The reading under way in this flow, if any (<see cref="PositionTableJsonConverter"/>).</summary>
    public static TableReading? Current => current.Value;

    /// <summary>The numbering so far: every participant read, in the order first read.</summary>
    public ParticipantSlots Slots { get; private set; } = ParticipantSlots.Empty;

    public SharedPositions Positions { get; } = new();

    public static TableReading Begin() => current.Value = new TableReading();

    public static void End() => current.Value = null;

    public int SlotOf(Guid participant)
    {
        Slots = Slots.WithSlotOf(participant, out var slot);
        return slot;
    }
}
