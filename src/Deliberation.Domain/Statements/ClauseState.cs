using System.Collections.Immutable;

namespace Deliberation.Domain.Statements;

/// <summary>
/// A clause: its revisions, and the positions and ranges delegates gave. Positions given before
/// <see cref="CountingSince"/> (the last substantive revision) are stale: kept, not counted.
/// Positions sit in <see cref="PositionTable"/>s, a layout made for counting them.
/// </summary>
public sealed record ClauseState(
    Guid Id,
    ClauseKind Kind,
    string? ExternalId,
    ImmutableList<Revision> Revisions,
    int CountingSince,
    bool Withdrawn,
    NumericParameter? Parameter,
    PositionTable Positions,
    ImmutableDictionary<string, PositionTable> OptionPositions,
    ImmutableDictionary<Guid, StatedRange> Ranges)
{
    /// <summary>
    /// Members whose position (on the clause or an option) or range landed since the room last saw
    /// the clause: a release waits for k of them, so no release tells the room what one person did.
    /// </summary>
    public ImmutableHashSet<Guid> ChangedSinceRelease { get; init; } = ImmutableHashSet<Guid>.Empty;

    /// <summary>What the room was last shown of this clause; null before the first release.</summary>
    public ClauseRelease? LastRelease { get; init; }

    /// <summary>The statement version of the event that made <see cref="LastRelease"/>; 0 before the first.</summary>
    public long LastReleaseVersion { get; init; }

    public DateTimeOffset? LastReleaseAt { get; init; }

    /// <summary>What triggered <see cref="LastRelease"/>; null before the first.</summary>
    public ReleaseTrigger? LastReleaseTrigger { get; init; }

    /// <summary>The clause's text in each translated language: that language's revisions, oldest first (docs/domain.md, "Languages").</summary>
    public ImmutableDictionary<string, ImmutableList<Translation>> Translations { get; init; } = ImmutableDictionary<string, ImmutableList<Translation>>.Empty;

    /// <summary>Each bracket option's text per translated language, by option id then language: options are translated one by one.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, ImmutableList<Translation>>> OptionTranslations { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, ImmutableList<Translation>>>.Empty;

    /// <summary>The latest translation of the clause into <paramref name="language"/>, or null when there is none.</summary>
    public Translation? TranslationOrNull(string language) => Translations.GetValueOrDefault(language)?.LastOrDefault();

    public Translation? OptionTranslationOrNull(string optionId, string language) =>
        OptionTranslations.GetValueOrDefault(optionId)?.GetValueOrDefault(language)?.LastOrDefault();

    public TranslationStatus TranslationStatus(string language) => TranslationStatuses.Of(this, TranslationOrNull(language));

    public Revision Current => Revisions[^1];

    public int CurrentRevision => Current.Number;

    public string Text => Current.Text;

    public BracketedText Bracketed => BracketedText.Parse(Text);

    public bool IsCurrent(Position position) => position.Revision >= CountingSince;

    public bool IsCurrent(StatedRange range) => range.Revision >= CountingSince;

    /// <summary>The positions on the clause itself (no option) or on one bracket option.</summary>
    public PositionTable PositionsOn(string? optionId) =>
        optionId is null ? Positions : OptionPositions.GetValueOrDefault(optionId, PositionTable.Empty);
}
