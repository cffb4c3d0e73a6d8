namespace Deliberation.Server.Documents;

/// <summary>
/// The words a reader sees for a clause's kind and status, the same as the room's
/// (Deliberation.Client's Presentation), never the enum's own names: a document is read by
/// people, not by the code.
/// </summary>
public static class ExportLabels
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

    public static string Of(SignatureCapacity capacity) => capacity switch
    {
        SignatureCapacity.Institutional => "Institutional capacity",
        _ => "Personal capacity",
    };
}
