using System.Collections.Immutable;

namespace Deliberation.Domain.Statements;

public static partial class Statement
{
    /// <summary>
    /// The statement with every position table on one numbering (<see cref="StatementState.Slots"/>), as
    /// <see cref="Apply"/> keeps them, and equal positions as one object. A state read back from JSON has each table
    /// numbered on its own (the numbering is not stored): counted correctly, but more slowly, and each table with a
    /// map of its own participants — for an imported statement of 33,000 people and 783 clauses, two million map
    /// entries beside the positions (docs/performance.md, "Session 17: one numbering for a statement read back").
    /// What the state says is unchanged: its JSON, its figures.
    /// </summary>
    /// <summary>
    /// A statement's state read from UTF-8 JSON with its tables put on one numbering as they are read
    /// (<see cref="TableReading"/>): what <see cref="NumberedAsOne"/> makes of a state read back, without
    /// the tables as parsed alive beside the tables renumbered.
    /// </summary>
    public static async ValueTask<StatementState> ReadNumberedAsOneAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        var reading = TableReading.Begin();
        StatementState state;
        try
        {
            state = await DomainJson.DeserializeAsync<StatementState>(utf8Json, cancellationToken);
        }
        finally
        {
            TableReading.End();
        }
        // Every table follows a version of the reading's numbering, so none is renumbered here.
        return NumberedAsOne(state with { Slots = reading.Slots });
    }

    public static StatementState NumberedAsOne(StatementState state)
    {
        var slots = state.Slots;
        var shared = new SharedPositions();
        var clauses = state.Clauses.ToBuilder();
        var renumbered = false;
        foreach (var clause in state.Clauses.Values)
        {
            if (OnNumbering(clause.Positions) && clause.OptionPositions.Values.All(OnNumbering))
                continue;
            renumbered = true;
            clauses[clause.Id] = clause with
            {
                Positions = Renumbered(clause.Positions),
                OptionPositions = clause.OptionPositions.IsEmpty
                    ? clause.OptionPositions
                    : clause.OptionPositions.ToImmutableDictionary(option => option.Key, option => Renumbered(option.Value)),
            };
        }
        return renumbered ? state with { Clauses = clauses.ToImmutable(), Slots = slots } : state;

        bool OnNumbering(PositionTable table) => table.IsEmpty || slots.Extends(table.Slots);

        PositionTable Renumbered(PositionTable table)
        {
            if (OnNumbering(table))
                return table.NumberedBy(slots);
            var cells = new PositionTable.Builder(PositionTable.Empty);
            foreach (var (participant, position) in table)
            {
                slots = slots.WithSlotOf(participant, out var slot);
                cells.Set(slot, shared.Of(position));
            }
            return cells.ToTable(slots);
        }
    }
}
