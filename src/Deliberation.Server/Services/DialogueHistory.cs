using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Review;
using Deliberation.Server.Review;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Services;

/// <summary>
/// A dialogue and its statement as they stood at any past time, and the consensus then — with the
/// same engine as now. Read from the dialogue's history held in memory with checkpoints
/// (<see cref="ScopeHistories"/>; docs/architecture.md, "Review"), not replayed from the start.
/// </summary>
public sealed class DialogueHistory(ScopeHistories histories)
{
    /// <summary>
    /// The matrix as it stood at <paramref name="at"/> for a role: the live figures then for a viewer
    /// who sees live figures (by the mode of now: modes only become stricter, so a role that sees
    /// live figures now saw them then), else the releases made up to then — never the figures between
    /// two releases (docs/security.md, "History").
    /// </summary>
    public Task<StatementConsensus> ConsensusAtAsync(Guid dialogueId, Guid statementId, DateTimeOffset at, DialogueState now, Role role, CancellationToken cancellationToken = default)
    {
        var live = ConsensusVisibility.SeesLiveFigures(now, role);
        return histories.UseAsync(dialogueId, scope =>
        {
            var state = scope.TimesInOrder ? StateAtTime(scope.Replay, at) : StateAtTimeOutOfOrder(scope.Replay, at);
            var statement = state.Statement(statementId);
            return live ? ConsensusCalculator.Compute(state.Dialogue, statement, at) : Disclosure.Released(statement, state.Dialogue, at);
        }, cancellationToken);
    }

    private static ScopeState StateAtTime(ScopeReplay replay, DateTimeOffset at)
    {
        // Times run with positions: the events up to a time are a prefix; find its end by bisection.
        int low = 0, high = replay.Count - 1, last = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (replay[mid].Meta.OccurredAt <= at)
                (last, low) = (mid, mid + 1);
            else
                high = mid - 1;
        }
        return replay.StateAfter(last);
    }

    // Two commits crossed: the events up to a time are not a prefix, so fold exactly those, as a full replay would.
    private static ScopeState StateAtTimeOutOfOrder(ScopeReplay replay, DateTimeOffset at) =>
        replay.Range(0, replay.Count).Where(e => e.Meta.OccurredAt <= at).Aggregate(ScopeState.Initial(replay.DialogueId), (s, e) => s.Apply(e));
}
