using Deliberation.Client.Api;
using Deliberation.Domain.Consensus;

namespace Deliberation.Client.Pages.Projector;

/// <summary>
/// For the screen at the front of the room: read-only and large — the clause on the floor, the
/// timer and the matrix. It follows the facilitator's focus; with nothing on the floor it shows
/// the first clause's statement and no clause. The whole room reads it, so it shows what a delegate
/// may see — released figures, the room folding — whoever's browser opened it (docs/security.md).
/// </summary>
public sealed partial class ProjectorPage
{
    protected override bool WatchesAsRoom => true;

    private StatementView? Statement =>
        Dialogue?.Focus is { } focus && State?.StatementOrNull(focus.StatementId) is { } s ? s : State?.Statements.FirstOrDefault();

    private ClauseView? Clause => Dialogue?.Focus is { } focus ? Statement?.ClauseOrNull(focus.ClauseId) : null;

    private int ClauseNumber => Statement is { } s && Clause is { } c ? s.Clauses.IndexOf(c) + 1 : 0;

    private StatementConsensus? Figures => Statement is { } s ? State?.ConsensusOrNull(s.Id) : null;

    private ClauseConsensus? ClauseFigures => Statement is { } s && Clause is { } c ? State?.ConsensusOf(s.Id, c.Id) : null;
}
