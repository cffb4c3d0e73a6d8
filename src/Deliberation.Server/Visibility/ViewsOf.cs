using System.Collections.Immutable;
using Deliberation.Contracts.Views;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Realtime;

namespace Deliberation.Server.Visibility;

/// <summary>The wire views (Deliberation.Contracts) built from domain state for one viewer.</summary>
public static class ViewsOf
{
    public static DialogueView Dialogue(Viewer viewer)
    {
        var d = viewer.Dialogue;
        return new(d.Id, d.Version, d.Settings, d.Phase, d.Dimensions, d.Rules,
            [.. d.Roster.Values.OrderBy(m => m.Role).ThenBy(m => m.DisplayName).Select(Member)],
            d.Agenda, d.Focus, d.SpeakingQueue, d.Timer, d.Statements, Member(viewer.Member));
    }

    public static MemberView Member(Member m) => new(m.ParticipantId, m.DisplayName, m.Affiliation, m.Role, m.Groups);

    /// <summary>The statement with the viewer's own positions; who proposed an amendment is attribution too.</summary>
    public static StatementView Statement(StatementState s, Viewer viewer, bool seesNames) => new(
        s.Id, s.DialogueId, s.Title, s.Version,
        s.Frozen is { } f ? new FrozenView(f.Hash, f.At, f.CanonicalText) : null,
        [.. s.OrderedClauses.Select(c => Clause(c, viewer.ParticipantId))],
        [.. s.Amendments.Values.OrderBy(a => a.ProposedAt).Select(a => seesNames || a.ProposedBy == viewer.ParticipantId ? a : a with { ProposedBy = Guid.Empty })],
        [.. s.Signatures.Values.OrderBy(x => x.At)]);

    public static ClauseView Clause(ClauseState c, Guid viewer)
    {
        var mine = c.Positions.GetValueOrDefault(viewer);
        return new(c.Id, c.Kind, c.ExternalId, c.CurrentRevision, c.CountingSince, c.Text, c.Withdrawn,
            [.. c.Bracketed.Slots], c.Parameter,
            [.. c.Revisions.Select(r => new RevisionView(r.Number, r.Text, r.At, r.Kind, r.Source, r.Rationale))],
            mine,
            c.OptionPositions.Where(o => o.Value.ContainsKey(viewer)).ToImmutableDictionary(o => o.Key, o => o.Value[viewer]),
            c.Ranges.GetValueOrDefault(viewer),
            mine is not null && !c.IsCurrent(mine));
    }

    /// <summary>The consensus matrix as the viewer may see it.</summary>
    public static StatementConsensus Consensus(StatementConsensus consensus, Viewer viewer) =>
        ConsensusVisibility.For(consensus, viewer.Dialogue, viewer.Role);

    /// <summary>A drafter's text as the room sees it; everyone in the room may see who is drafting.</summary>
    public static DraftPreviewView DraftPreview(DraftPreview p) =>
        new(p.DialogueId, p.StatementId, p.ClauseId, p.BaseRevision, p.Text, p.Author, p.At);
}
