using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Polis;

/// <summary>
/// An import's positions gathered per clause, and the statement built from them once at the end
/// (docs/performance.md, "Imports of any size"): what <see cref="Statement.Apply"/> of every
/// <see cref="PositionTaken"/> in turn would leave, without a new statement state per position. Applying
/// 2,000,000 positions one by one made a new state and clause per position, almost all garbage at once, and
/// the collector's work over the growing heap was most of an import's CPU. Valid because an import's
/// positions are judged on the statement before any of them (<see cref="ImportPlan"/>): nothing reads the
/// statement between them. The imported-position check holds each position to a clause, no option, and
/// no note; anything else is applied by the domain as it comes.
/// </summary>
/// <remarks>
/// The positions go into each clause's <see cref="PositionTable"/> on the statement's slot numbering, as
/// <see cref="Statement.Apply"/> puts them (<see cref="StatementState.Slots"/>). A bulk fill of a table
/// beside it in Domain/Statements would save the path copy per position; until then this is the one place
/// outside the domain that builds a <see cref="ClauseState"/>'s positions, and ImportedPositionsTallyTests
/// holds it to the domain's replay of the stream.
/// </remarks>
public sealed class ImportedPositionsTally(StatementState before, Guid importer, DateTimeOffset at)
{
    private readonly Dictionary<Guid, (Dictionary<Guid, Position> Positions, ImmutableHashSet<Guid>.Builder Changed)> clauses = [];
    private StatementState state = before;
    private long applied;

    /// <summary>Takes a share's decided events in order, each the next version of the statement.</summary>
    public void Add(IReadOnlyList<StatementEvent> events)
    {
        foreach (var e in events)
        {
            if (e is PositionTaken { OptionId: null } taken && state.Clauses.ContainsKey(taken.ClauseId))
            {
                if (!clauses.TryGetValue(taken.ClauseId, out var clause))
                {
                    var current = state.Clauses[taken.ClauseId];
                    clauses[taken.ClauseId] = clause = ([], current.ChangedSinceRelease.ToBuilder());
                }
                // As Statement.Apply takes a position: the position at the event's time, the member marked changed.
                clause.Positions[taken.ParticipantId] = new Position(taken.Position, taken.Revision, taken.Note, at);
                clause.Changed.Add(taken.ParticipantId);
                applied++;
                continue;
            }
            // Anything else, applied by the domain on the statement as it stands so far.
            state = Build();
            state = Statement.Apply(state, e, new EventMeta(state.Version + 1, at, importer));
        }
    }

    /// <summary>The statement after every event added: the same state as the domain's apply of each.</summary>
    public StatementState Build()
    {
        if (applied == 0)
            return state;
        var built = state.Clauses.ToBuilder();
        var slots = state.Slots;
        foreach (var (id, clause) in clauses)
        {
            var table = built[id].Positions.NumberedBy(slots);
            foreach (var (participant, position) in clause.Positions)
                table = table.SetItem(participant, position);
            slots = table.Slots.Extends(slots) ? table.Slots : slots;
            built[id] = built[id] with { Positions = table, ChangedSinceRelease = clause.Changed.ToImmutable() };
        }
        clauses.Clear();
        state = state with { Clauses = built.ToImmutable(), Slots = slots, Version = state.Version + applied, UpdatedAt = at };
        applied = 0;
        return state;
    }
}
