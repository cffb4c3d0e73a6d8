using Deliberation.Domain;

namespace Deliberation.Contracts.Views;

/// <summary>
/// The words people read for a clause's kind and status — in the room and in exported documents
/// alike — never the enum's own names: one table, so the room and the published text cannot drift.
/// </summary>
public static class ReaderWords
{
    public static string Of(ClauseKind kind) => kind switch
    {
        ClauseKind.RedLine => "Red line",
        ClauseKind.FundingFloor => "Funding floor",
        ClauseKind.GovernanceProposal => "Governance proposal",
        _ => kind.ToString(),
    };

    public static string Of(ClauseStatus status) => status switch
    {
        ClauseStatus.NearConsensus => "Near consensus",
        _ => status.ToString(),
    };
}
