using Deliberation.Domain.Statements;
using Deliberation.Polis;

namespace Deliberation.Server.Polis;

/// <summary>What a Pol.is import may hold and how its votes map to positions (docs/api.md, "Pol.is imports").</summary>
public static class PolisImporter
{
    public const string GroupDimension = ImportPlan.GroupDimension;

    public static PolisLimits Limits { get; } = PolisLimits.Default with
    {
        MaxComments = Domain.Limits.ClausesPerStatement,
        MaxParticipants = Domain.Limits.ImportedMembers,
        MaxCommentBodyLength = Domain.Limits.ClauseTextLength,
    };

    /// <summary>Pol.is: 1 agree, -1 disagree, 0 pass.</summary>
    public static PositionKind PositionOf(int vote) => vote switch
    {
        1 => PositionKind.Support,
        -1 => PositionKind.Oppose,
        _ => PositionKind.StandAside,
    };
}
