using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Consensus;

/// <summary>The consensus matrix of a statement at one moment (docs/consensus.md and docs/api.md).</summary>
public sealed record StatementConsensus(
    Guid StatementId,
    long Version,
    DateTimeOffset? At,
    bool HasConsensus,
    ImmutableArray<ClauseConsensus> Clauses);

/// <summary>
/// One clause (or one bracket option of it, when <see cref="OptionId"/> is set). <see cref="Release"/>
/// is set only for a viewer who sees released figures, not live ones (docs/security.md,
/// "Disclosure control"): it says which release the figures are from.
/// </summary>
public sealed record ClauseConsensus(
    Guid ClauseId,
    string? OptionId,
    string? ExternalId,
    ClauseKind Kind,
    int Revision,
    ClauseStatus Status,
    double Gac,
    double GacGeometricMean,
    ImmutableArray<DimensionConsensus> Dimensions,
    ImmutableArray<ClauseConsensus> Options,
    FundingFloorAgreement? FundingFloor,
    ReleaseView? Release = null);

/// <summary>
/// Which release a release viewer's figures come from: the statement version and moment of the
/// release (null when nothing was released yet), its trigger, whether the chair forced it below k,
/// how many members it took in, whether positions changed since, and its notes.
/// </summary>
public sealed record ReleaseView(
    long StatementVersion,
    DateTimeOffset? At,
    ReleaseTrigger? Trigger,
    bool Forced,
    int Changes,
    bool ChangesPending,
    ImmutableArray<string> Notes);

/// <summary>A dimension's groups; <see cref="Total"/> sums them. <see cref="CountsForConsensus"/> says whether the rule looks at it.</summary>
public sealed record DimensionConsensus(
    string Name,
    bool CountsForConsensus,
    double Gac,
    ImmutableArray<GroupConsensus> Groups,
    GroupConsensus Total);

/// <summary>
/// One group's figures. <see cref="FoldedGroups"/> is set on the row that stands for groups too
/// small to show on their own (fewer than k members) to this viewer.
/// </summary>
public sealed record GroupConsensus(
    string Group,
    int Members,
    int Support,
    int Accept,
    int StandAside,
    int Oppose,
    int Block,
    int Stale,
    int Silent,
    double? Share,
    bool MeetsRule,
    int Needed,
    ImmutableArray<string> FoldedGroups = default)
{
    // Made of the six counts above, so the wire leaves it out: sent, it was a third of every group row
    // pushed to every screen (docs/performance.md, "Session 20: what every screen is sent").
    [JsonIgnore]
    public PositionCounts Counts => new(Support, Accept, StandAside, Oppose, Block, Stale);
}
