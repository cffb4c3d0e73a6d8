using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Visibility;

/// <summary>
/// The consensus matrix as a role may see it, for a request and for a push alike. The arithmetic
/// of folding small groups is the domain's (<see cref="ConsensusRedaction"/>); this decides whom it
/// applies to, so the HTTP answer and the live update can never differ.
/// </summary>
public static class ConsensusVisibility
{
    public static StatementConsensus For(StatementConsensus consensus, DialogueState dialogue, Role role) =>
        ConsensusRedaction.ForViewer(consensus, dialogue, role);

    /// <summary>The figures that moved, as the push a role's connections receive.</summary>
    public static ConsensusUpdate Update(Guid dialogueId, StatementConsensus moved, DialogueState dialogue, Role role) =>
        new(dialogueId, moved.StatementId, moved.Version, moved.HasConsensus, For(moved, dialogue, role).Clauses);
}
