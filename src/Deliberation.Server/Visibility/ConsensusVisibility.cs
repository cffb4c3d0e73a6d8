using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Visibility;

/// <summary>
/// The consensus matrix as a role may see it, for a request, a join, a push and history alike
/// (docs/security.md, "What a release viewer receives"). A viewer who sees live figures
/// (<see cref="Disclosure.SeesLiveFigures"/>) gets them unfolded; everyone else is a release viewer
/// and gets only <see cref="Disclosure.Released(Deliberation.Domain.Statements.StatementState, DialogueState, DateTimeOffset?)"/> — built from the statement's releases, so the live
/// figures never pass through her rendering at all.
/// </summary>
public static class ConsensusVisibility
{
    public static bool SeesLiveFigures(DialogueState dialogue, Role role) =>
        Disclosure.SeesLiveFigures(dialogue.Settings.Confidentiality, role);

    /// <param name="live">The live figures; read only for a viewer who may see them.</param>
    public static StatementConsensus For(Func<StatementConsensus> live, StatementState statement, DialogueState dialogue, Role role, DateTimeOffset? at = null) =>
        SeesLiveFigures(dialogue, role) ? live() : Disclosure.Released(statement, dialogue, at);

    /// <summary>The figures that moved, as the push a live viewer's connections receive.</summary>
    public static ConsensusUpdate LiveUpdate(Guid dialogueId, StatementConsensus moved) =>
        new(dialogueId, moved.StatementId, moved.Version, moved.HasConsensus, moved.Clauses);

    /// <summary>
    /// Released clauses whose release moved, and the marks of those that still show the release last
    /// sent but whose "changes pending" flipped, as the push a release viewer's connections receive.
    /// </summary>
    public static ConsensusUpdate ReleaseUpdate(Guid dialogueId, StatementConsensus released, IReadOnlyList<ClauseConsensus> moved, IReadOnlyList<PendingMark> pending) =>
        new(dialogueId, released.StatementId, released.Version, released.HasConsensus, moved, pending.Count == 0 ? null : pending);
}
