using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Deliberation.Domain.Statements;

/// <summary>A draft joint statement as its events leave it.</summary>
public sealed record StatementState(
    Guid Id,
    Guid DialogueId,
    bool Exists,
    long Version,
    string Title,
    ImmutableList<Guid> ClauseOrder,
    ImmutableDictionary<Guid, ClauseState> Clauses,
    ImmutableDictionary<Guid, Amendment> Amendments,
    FrozenText? Frozen,
    ImmutableDictionary<Guid, Signature> Signatures,
    DateTimeOffset? UpdatedAt)
{
    public static StatementState Initial(Guid id) => new(
        id, Guid.Empty, false, 0, "", [], ImmutableDictionary<Guid, ClauseState>.Empty,
        ImmutableDictionary<Guid, Amendment>.Empty, null, ImmutableDictionary<Guid, Signature>.Empty, null);

    /// <summary>
    /// The slot numbering the clauses' position tables share: every participant who took a position
    /// gets one slot for the whole statement, so counting maps slots to voters once, not per clause
    /// (<see cref="PositionTable"/>). Not stored: a state read back from JSON has its tables numbered
    /// each on its own, counted correctly but less quickly, until <see cref="Statement.NumberedAsOne"/>
    /// puts them on one (a review trace does to the head it restores), unless it was read with
    /// <see cref="Statement.ReadNumberedAsOneAsync"/> (the statement grain), which numbers them as it reads.
    /// </summary>
    [JsonIgnore]
    public ParticipantSlots Slots { get; init; } = ParticipantSlots.Empty;

    public IEnumerable<ClauseState> OrderedClauses => ClauseOrder.Select(id => Clauses[id]);

    public ClauseState? ClauseOrNull(Guid clauseId) => Clauses.GetValueOrDefault(clauseId);
}
