using System.Collections.Concurrent;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;

namespace Deliberation.Server.Realtime;

/// <summary>
/// What this node last told its release viewers about each clause: which release, and whether
/// changes were pending. A release viewer is pushed a clause only when one of these moves — a
/// FiguresReleased committed or "changes pending" flipped (docs/api.md, "Releases") — so a push
/// never tells her more than the release and the flip already do.
/// </summary>
public sealed class ReleasedFiguresSent
{
    private readonly record struct Shown(long ReleaseVersion, bool ChangesPending, ClauseStatus Status, long Basis);

    private readonly ConcurrentDictionary<(Guid Dialogue, Guid Statement, Guid Clause), Shown> shown = new();

    /// <summary>Records what a joining release viewer received, so the next push sends only what moved since.</summary>
    public void Remember(Guid dialogueId, StatementConsensus released, DialogueState dialogue)
    {
        foreach (var clause in released.Clauses)
            shown[(dialogueId, released.StatementId, clause.ClauseId)] = ShownOf(clause, dialogue);
    }

    /// <summary>The clauses whose release or pending flag differs from what was last sent; records them as sent.</summary>
    public IReadOnlyList<ClauseConsensus> Moved(Guid dialogueId, StatementConsensus released, DialogueState dialogue)
    {
        var moved = new List<ClauseConsensus>();
        foreach (var clause in released.Clauses)
        {
            var now = ShownOf(clause, dialogue);
            var key = (dialogueId, released.StatementId, clause.ClauseId);
            if (shown.TryGetValue(key, out var before) && before == now)
                continue;
            shown[key] = now;
            moved.Add(clause);
        }
        return moved;
    }

    /// <summary>Forgets a dialogue, so its next push re-sends every clause (after a change of mode or roster).</summary>
    public void Forget(Guid dialogueId)
    {
        foreach (var key in shown.Keys.Where(k => k.Dialogue == dialogueId))
            shown.TryRemove(key, out _);
    }

    // An unreleased clause's silent figures follow the roster and rules (the basis); a released one's do not.
    private static Shown ShownOf(ClauseConsensus clause, DialogueState dialogue) => clause.Release is { } release
        ? new(release.StatementVersion, release.ChangesPending, clause.Status, release.StatementVersion == 0 ? dialogue.ConsensusBasisVersion : -1)
        : new(-1, false, clause.Status, dialogue.ConsensusBasisVersion);
}
