using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Polis;

/// <summary>
/// An import's positions filled into each clause's table in place, and the statement built from them once
/// at the end (docs/performance.md, "Imports of any size"): what <see cref="Statement.Apply"/> of every
/// <see cref="PositionTaken"/> in turn would leave, without a new statement state per position. Valid
/// because an import's positions are judged on the statement before any of them (<see cref="ImportPlan"/>):
/// nothing reads the statement between them. The imported-position check holds each position to a clause,
/// no option, and no note; anything else is applied by the domain as it comes.
/// </summary>
/// <remarks>
/// Participants get their slots on the statement's numbering in the order they first take a position, as
/// <see cref="Statement.Apply"/> gives them (<see cref="StatementState.Slots"/>), and the positions go
/// straight into <see cref="PositionTable.Builder"/>s: memory holds the final tables and nothing per
/// position beside them. Equal positions (an import's differ only in their kind) are one object.
/// ImportedPositionsTallyTests holds the result to the domain's replay of the stream.
/// </remarks>
public sealed class ImportedPositionsTally(StatementState before, Guid importer, DateTimeOffset at)
{
    private readonly Dictionary<Guid, (PositionTable.Builder Positions, ImmutableHashSet<Guid>.Builder Changed)> clauses = [];
    private readonly Dictionary<Position, Position> shared = [];
    private StatementState state = before;
    private ParticipantSlots slots = before.Slots;
    private long applied;

    /// <summary>Takes a share's decided events in order, each the next version of the statement.</summary>
    public void Add(IReadOnlyList<StatementEvent> events)
    {
        foreach (var e in events)
        {
            if (e is PositionTaken { OptionId: null } taken && Tally(taken.ClauseId) is { } clause)
            {
                if (!slots.TryGetSlot(taken.ParticipantId, out var slot))
                {
                    slot = slots.Count;
                    slots = slots.Add(taken.ParticipantId);
                }
                // As Statement.Apply takes a position: the position at the event's time, the member marked changed.
                clause.Positions.Set(slot, Shared(new Position(taken.Position, taken.Revision, taken.Note, at)));
                clause.Changed.Add(taken.ParticipantId);
                applied++;
                continue;
            }
            // Anything else, applied by the domain on the statement as it stands so far.
            state = Build();
            state = Statement.Apply(state, e, new EventMeta(state.Version + 1, at, importer));
            slots = state.Slots;
        }
    }

    /// <summary>The statement after every event added: the same state as the domain's apply of each.</summary>
    public StatementState Build()
    {
        if (applied == 0)
            return state;
        var built = state.Clauses.ToBuilder();
        foreach (var (id, clause) in clauses)
            built[id] = built[id] with { Positions = clause.Positions.ToTable(slots), ChangedSinceRelease = clause.Changed.ToImmutable() };
        clauses.Clear();
        state = state with { Clauses = built.ToImmutable(), Slots = slots, Version = state.Version + applied, UpdatedAt = at };
        applied = 0;
        return state;
    }

    // A clause's tally, begun on its table as it stands; none (the domain applies the position) for an
    // unknown clause, or a table numbered apart from the statement (one read from an older snapshot).
    private (PositionTable.Builder Positions, ImmutableHashSet<Guid>.Builder Changed)? Tally(Guid clauseId)
    {
        if (clauses.TryGetValue(clauseId, out var clause))
            return clause;
        if (!state.Clauses.TryGetValue(clauseId, out var current) || !slots.Extends(current.Positions.Slots))
            return null;
        return clauses[clauseId] = (new PositionTable.Builder(current.Positions), current.ChangedSinceRelease.ToBuilder());
    }

    // The domain never changes a Position in place, so equal ones can be one object: 2,000,000 positions
    // of an import are a handful of distinct values. Only those without a note, which are few.
    private Position Shared(Position position)
    {
        if (position.Note is not null)
            return position;
        if (shared.TryGetValue(position, out var same))
            return same;
        shared[position] = position;
        return position;
    }
}
