namespace Deliberation.Domain.Statements;

/// <summary>
/// Positions taken on a statement's clauses, one after another, filled into each clause's table in place, and
/// the statement built from them once, when it is next needed: what <see cref="Statement.Apply"/> of each
/// <see cref="PositionTaken"/> in turn would leave, without a new statement state per position. For a pass that
/// reads many positions in a row and looks at no state between them — an import's tally, a review trace's pass
/// (docs/performance.md, "Session 17: the review trace's pass takes positions in place"). Each new state per
/// position was a path of new nodes that lived until the clause's next position, long enough to be promoted and
/// collected late: 2,000,000 of them for the largest Pol.is conversation.
/// </summary>
/// <remarks>
/// Participants get their slots on the statement's numbering in the order they first take a position, as
/// <see cref="Statement.Apply"/> gives them (<see cref="StatementState.Slots"/>). A position the run does not
/// take — on a bracket option, on a clause it does not know, on a table numbered apart from the statement (one
/// read from an older snapshot) — changes nothing: the caller builds the run and lets the domain apply it.
/// Equal positions are one object (<see cref="SharedPositions"/>). PositionRunTests holds the result to
/// the domain's apply of each event.
/// </remarks>
public sealed class PositionRun(StatementState start)
{
    // Each clause's table filling in place, and who changed on it in this run: a plain set, made immutable once at
    // the build, since adding to an immutable set (or its builder) allocates a path of nodes per member.
    private readonly Dictionary<Guid, (PositionTable.Builder Positions, HashSet<Guid> Changed)> clauses = [];
    private readonly SharedPositions shared = new();
    private ParticipantSlots slots = start.Slots;
    private EventMeta? last;

    /// <summary>The statement as the run began: its clauses' texts, revisions and order hold throughout, only positions change.</summary>
    public StatementState Start => start;

    public bool IsEmpty => last is null;

    /// <summary>
    /// Takes the position in place, as <see cref="Statement.Apply"/> would take it at <paramref name="meta"/>;
    /// <paramref name="previous"/> is the participant's position on the clause it replaces. False, and nothing
    /// changed, for a position the run does not take.
    /// </summary>
    public bool TryTake(PositionTaken taken, EventMeta meta, out Position? previous)
    {
        previous = null;
        if (taken.OptionId is not null || Tally(taken.ClauseId) is not { } clause)
            return false;
        if (slots.TryGetSlot(taken.ParticipantId, out var slot))
            previous = clause.Positions.Get(slot);
        else
        {
            slot = slots.Count;
            slots = slots.Add(taken.ParticipantId);
        }
        clause.Positions.Set(slot, shared.Of(new Position(taken.Position, taken.Revision, taken.Note, meta.OccurredAt)));
        clause.Changed.Add(taken.ParticipantId);
        last = meta;
        return true;
    }

    /// <summary>The statement after every position taken: the same state as the domain's apply of each. The run is not used after it.</summary>
    public StatementState Build()
    {
        if (last is not { } meta)
            return start;
        var built = start.Clauses.ToBuilder();
        foreach (var (id, clause) in clauses)
        {
            var before = built[id];
            built[id] = before with { Positions = clause.Positions.ToTable(slots), ChangedSinceRelease = before.ChangedSinceRelease.Union(clause.Changed) };
        }
        return start with { Clauses = built.ToImmutable(), Slots = slots, Version = meta.Version, UpdatedAt = meta.OccurredAt };
    }

    // A clause's tally, begun on its table as it stands; none for an unknown clause, or a table numbered apart from the statement.
    private (PositionTable.Builder Positions, HashSet<Guid> Changed)? Tally(Guid clauseId)
    {
        if (clauses.TryGetValue(clauseId, out var clause))
            return clause;
        if (!start.Clauses.TryGetValue(clauseId, out var current) || !slots.Extends(current.Positions.Slots))
            return null;
        return clauses[clauseId] = (new PositionTable.Builder(current.Positions), []);
    }
}
