using Deliberation.Contracts.Views;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Visibility;

/// <summary>The wire views for one viewer: the contract's <see cref="StateViews"/> projection, after this module's redaction.</summary>
public static class ViewsOf
{
    public static DialogueView Dialogue(Viewer viewer) => StateViews.Dialogue(viewer.Dialogue, StateViews.Member(viewer.Member), RosterViews.Of(viewer.Dialogue));

    /// <summary>The statement with the viewer's own positions; amendments name their proposer only where names may be seen.</summary>
    public static StatementView Statement(StatementState s, Viewer viewer, bool seesNames) => StateViews.Statement(s, viewer.ParticipantId, seesNames);

    /// <summary>The consensus matrix as the viewer may see it: live, or as last released.</summary>
    public static StatementConsensus Consensus(StatementConsensus live, StatementState statement, Viewer viewer) =>
        ConsensusVisibility.SeesLiveFigures(viewer.Dialogue, viewer.Role) ? live : ReleasedViews.Of(statement, viewer.Dialogue);

    /// <summary>A drafter's text as the room sees it; everyone in the room may see who is drafting.</summary>
    public static DraftPreviewView DraftPreview(DraftPreview p) =>
        new(p.DialogueId, p.StatementId, p.ClauseId, p.BaseRevision, p.Text, p.Author, p.At);
}
