using System.Collections.Immutable;

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

    public IEnumerable<ClauseState> OrderedClauses => ClauseOrder.Select(id => Clauses[id]);

    public ClauseState? ClauseOrNull(Guid clauseId) => Clauses.GetValueOrDefault(clauseId);
}
