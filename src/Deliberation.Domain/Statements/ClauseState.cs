using System.Collections.Immutable;

namespace Deliberation.Domain.Statements;

/// <summary>
/// A clause: its revisions, and the positions and ranges delegates gave. Positions given before
/// <see cref="CountingSince"/> (the last substantive revision) are stale: kept, not counted.
/// </summary>
public sealed record ClauseState(
    Guid Id,
    ClauseKind Kind,
    string? ExternalId,
    ImmutableList<Revision> Revisions,
    int CountingSince,
    bool Withdrawn,
    NumericParameter? Parameter,
    ImmutableDictionary<Guid, Position> Positions,
    ImmutableDictionary<string, ImmutableDictionary<Guid, Position>> OptionPositions,
    ImmutableDictionary<Guid, StatedRange> Ranges)
{
    public Revision Current => Revisions[^1];

    public int CurrentRevision => Current.Number;

    public string Text => Current.Text;

    public BracketedText Bracketed => BracketedText.Parse(Text);

    public bool IsCurrent(Position position) => position.Revision >= CountingSince;

    public bool IsCurrent(StatedRange range) => range.Revision >= CountingSince;

    /// <summary>The positions on the clause itself (no option) or on one bracket option.</summary>
    public ImmutableDictionary<Guid, Position> PositionsOn(string? optionId) =>
        optionId is null ? Positions : OptionPositions.GetValueOrDefault(optionId, ImmutableDictionary<Guid, Position>.Empty);
}
