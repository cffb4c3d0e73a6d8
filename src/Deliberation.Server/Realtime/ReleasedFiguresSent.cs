using System.Collections.Concurrent;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Realtime;

/// <summary>
/// What this node last told its release viewers about each clause, as its <see cref="ReleaseMark"/>:
/// which release, whether changes were pending, the status shown. A release viewer is pushed a clause
/// only when its mark moves — a FiguresReleased committed or "changes pending" flipped (docs/api.md,
/// "Releases") — so a push never tells her more than the release and the flip already do. The marks
/// are read from the clause's state, so a push that moved nothing computes no figure at all.
/// </summary>
public sealed class ReleasedFiguresSent
{
    private readonly ConcurrentDictionary<(Guid Dialogue, Guid Statement, Guid Clause), ReleaseMark> shown = new();

    /// <summary>Records what a joining release viewer received, so the next push sends only what moved since.</summary>
    public void Remember(Guid dialogueId, StatementState statement, DialogueState dialogue)
    {
        foreach (var clause in statement.OrderedClauses)
            shown[(dialogueId, statement.Id, clause.Id)] = Disclosure.MarkOf(clause, dialogue);
    }

    /// <summary>
    /// The clauses whose mark differs from what was last sent, in the statement's order, each with
    /// whether it still shows the release last sent (only "changes pending" moved: a
    /// <see cref="Deliberation.Contracts.Hub.PendingMark"/> says it all); records them as sent.
    /// </summary>
    public IReadOnlyList<(ClauseState Clause, bool SameRelease)> Moved(Guid dialogueId, StatementState statement, DialogueState dialogue)
    {
        var moved = new List<(ClauseState, bool)>();
        foreach (var clause in statement.OrderedClauses)
        {
            var now = Disclosure.MarkOf(clause, dialogue);
            var key = (dialogueId, statement.Id, clause.Id);
            var known = shown.TryGetValue(key, out var before);
            if (known && before == now)
                continue;
            shown[key] = now;
            moved.Add((clause, known && now.ShowsTheSameReleaseAs(before)));
        }
        return moved;
    }

    /// <summary>Forgets a dialogue, so its next push re-sends every clause (after a change of mode or roster).</summary>
    public void Forget(Guid dialogueId)
    {
        foreach (var key in shown.Keys.Where(k => k.Dialogue == dialogueId))
            shown.TryRemove(key, out _);
    }
}
