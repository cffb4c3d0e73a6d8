using System.Collections.Concurrent;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.Realtime;

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

    /// <summary>
    /// Records what a joining release viewer received, for the clauses this node has sent nothing of
    /// yet, so the next push sends only what moved since. A clause already recorded keeps its record:
    /// the viewers here before her hold that, not what she was sent, and if the two differ the next
    /// push brings them forward (and sends her what she has).
    /// </summary>
    public void Remember(Guid dialogueId, StatementState statement, DialogueState dialogue)
    {
        foreach (var clause in statement.OrderedClauses)
            shown.TryAdd((dialogueId, statement.Id, clause.Id), Disclosure.MarkOf(clause, dialogue));
    }

    /// <summary>
    /// The clauses whose mark differs from what was last sent, in the statement's order, each with
    /// whether it still shows the release last sent (only "changes pending" moved: a
    /// <see cref="Deliberation.Contracts.Hub.PendingMark"/> says it all); records them as sent.
    /// </summary>
    /// <param name="eventsSentUpTo">
    /// The statement's version its pushed events have reached. The state is read when a push is
    /// rendered, and on a node that fell behind it is already past the events the push carries: a
    /// release after them is left to its own <see cref="FiguresReleased"/> event, which a later push
    /// carries (<see cref="CarriedBy"/>), rather than sent as figures ahead of the events the screens
    /// hold and then again in the event (docs/api.md, "Releases and the room's view").
    /// </param>
    public IReadOnlyList<(ClauseState Clause, bool SameRelease)> Moved(Guid dialogueId, StatementState statement, DialogueState dialogue, long eventsSentUpTo)
    {
        var moved = new List<(ClauseState, bool)>();
        foreach (var clause in statement.OrderedClauses)
        {
            var now = Disclosure.MarkOf(clause, dialogue);
            var key = (dialogueId, statement.Id, clause.Id);
            var known = shown.TryGetValue(key, out var before);
            if (known && (before == now || ReleasedAfter(now, before, eventsSentUpTo)))
                continue;
            shown[key] = now;
            moved.Add((clause, known && now.ShowsTheSameReleaseAs(before)));
        }
        return moved;
    }

    private static bool ReleasedAfter(ReleaseMark now, ReleaseMark sent, long eventsSentUpTo) =>
        now.ReleaseVersion > sent.ReleaseVersion && now.ReleaseVersion > eventsSentUpTo;

    /// <summary>
    /// Records the releases in pushed events as what the release viewers hold of their clauses: a
    /// screen builds a released clause from its <see cref="FiguresReleased"/> event
    /// (<see cref="Disclosure.AsShown"/>), so <see cref="Moved"/> then sends only what moved beyond it —
    /// "changes pending" as a mark, a withdrawal as figures — and the release's figures go once, in the
    /// event. Only for clauses this node has sent before: one its viewers do not hold yet goes whole.
    /// Only forward, as the screen does: a join answer, or the figures sent afresh after a roster or
    /// mode change, carry the state as it was read then, newer than the releases in the events that
    /// follow, and the screens keep those.
    /// </summary>
    public void CarriedBy(Guid dialogueId, Guid statementId, IReadOnlyList<RecordedEventEnvelope> events)
    {
        foreach (var e in events)
        {
            if (e.Event is not FiguresReleased released)
                continue;
            foreach (var release in released.Clauses)
            {
                var key = (dialogueId, statementId, release.ClauseId);
                if (shown.TryGetValue(key, out var held) && held.ReleaseVersion < e.Version)
                    shown[key] = Disclosure.MarkAsShown(release, e.Version);
            }
        }
    }

    /// <summary>Forgets a dialogue, so its next push re-sends every clause (after a change of mode or roster).</summary>
    public void Forget(Guid dialogueId)
    {
        foreach (var key in shown.Keys.Where(k => k.Dialogue == dialogueId))
            shown.TryRemove(key, out _);
    }
}
