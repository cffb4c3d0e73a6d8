using System.Collections.Immutable;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Api;

/// <summary>A dialogue as a member sees it (GET /api/dialogues/{id}).</summary>
public sealed record DialogueView(
    Guid Id, long Version, DialogueSettings Settings, Phase Phase, ImmutableArray<Dimension> Dimensions, ConsensusRules Rules,
    ImmutableArray<MemberView> Roster, ImmutableList<AgendaItem> Agenda, Focus? Focus, ImmutableList<Guid> SpeakingQueue,
    SessionTimer? Timer, ImmutableList<StatementRef> Statements, MemberView You)
{
    public static DialogueView Of(Viewer viewer)
    {
        var d = viewer.Dialogue;
        return new(d.Id, d.Version, d.Settings, d.Phase, d.Dimensions, d.Rules,
            [.. d.Roster.Values.OrderBy(m => m.Role).ThenBy(m => m.DisplayName).Select(MemberView.Of)],
            d.Agenda, d.Focus, d.SpeakingQueue, d.Timer, d.Statements, MemberView.Of(viewer.Member));
    }
}

public sealed record MemberView(Guid ParticipantId, string DisplayName, string? Affiliation, Role Role, ImmutableDictionary<string, string> Groups)
{
    public static MemberView Of(Member m) => new(m.ParticipantId, m.DisplayName, m.Affiliation, m.Role, m.Groups);
}

/// <summary>A statement with each clause's current text and alternatives, and the viewer's own positions.</summary>
public sealed record StatementView(
    Guid Id, Guid DialogueId, string Title, long Version, FrozenView? Frozen, ImmutableArray<ClauseView> Clauses,
    ImmutableArray<Amendment> Amendments, ImmutableArray<Signature> Signatures)
{
    public static StatementView Of(StatementState s, Viewer viewer, bool seesNames) => new(
        s.Id, s.DialogueId, s.Title, s.Version,
        s.Frozen is { } f ? new FrozenView(f.Hash, f.At, f.CanonicalText) : null,
        [.. s.OrderedClauses.Select(c => ClauseView.Of(c, viewer.ParticipantId))],
        // Who proposed an amendment is attribution too.
        [.. s.Amendments.Values.OrderBy(a => a.ProposedAt).Select(a => seesNames || a.ProposedBy == viewer.ParticipantId ? a : a with { ProposedBy = Guid.Empty })],
        [.. s.Signatures.Values.OrderBy(x => x.At)]);
}

public sealed record FrozenView(string Hash, DateTimeOffset At, string CanonicalText);

public sealed record ClauseView(
    Guid Id, ClauseKind Kind, string? ExternalId, int Revision, int CountingSince, string Text, bool Withdrawn,
    ImmutableArray<SlotPart> Slots, NumericParameter? Parameter, ImmutableArray<RevisionView> Revisions,
    Position? MyPosition, ImmutableDictionary<string, Position> MyOptionPositions, StatedRange? MyRange, bool MyPositionIsStale)
{
    public static ClauseView Of(ClauseState c, Guid viewer)
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
}

public sealed record RevisionView(int Number, string Text, DateTimeOffset At, RevisionKind Kind, RevisionSource Source, string? Rationale);

/// <summary>The consensus matrix as the viewer may see it.</summary>
public static class ConsensusView
{
    public static StatementConsensus Of(StatementConsensus consensus, Viewer viewer) =>
        ConsensusRedaction.ForViewer(consensus, viewer.Dialogue, viewer.Role);
}
