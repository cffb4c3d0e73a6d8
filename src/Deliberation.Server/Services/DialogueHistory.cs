using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Grains.EventSourcing;
using Deliberation.Persistence;
using Deliberation.Server.Visibility;

namespace Deliberation.Server.Services;

/// <summary>
/// Rebuilds a dialogue and its statement as they stood at any past moment by replaying the
/// stored events up to it, and computes the consensus then — with the same engine as now.
/// </summary>
public sealed class DialogueHistory(IEventStore store)
{
    public async Task<(DialogueState Dialogue, StatementState Statement)> AtAsync(Guid dialogueId, Guid statementId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var events = await store.ReadScopeAsync(StreamIds.Scope(dialogueId), 0, cancellationToken);
        var upTo = events.Where(e => e.OccurredAt <= at).Select(RecordedEvent.Decode).ToList();
        var dialogue = Dialogue.Replay(dialogueId, upTo.Where(e => e.Stored.StreamId == StreamIds.Dialogue(dialogueId)).Select(e => ((DialogueEvent)e.Event, e.Meta)));
        var statement = Statement.Replay(statementId, upTo.Where(e => e.Stored.StreamId == StreamIds.Statement(statementId)).Select(e => ((StatementEvent)e.Event, e.Meta)));
        return (dialogue, statement);
    }

    /// <summary>
    /// The matrix as it stood at <paramref name="at"/> for a role: the live figures then for a viewer
    /// who sees live figures (by the mode of now: modes only become stricter, so a role that sees
    /// live figures now saw them then), else the releases made up to then — never the figures between
    /// two releases (docs/security.md, "History").
    /// </summary>
    public async Task<StatementConsensus> ConsensusAtAsync(Guid dialogueId, Guid statementId, DateTimeOffset at, DialogueState now, Role role, CancellationToken cancellationToken = default)
    {
        var (dialogue, statement) = await AtAsync(dialogueId, statementId, at, cancellationToken);
        return ConsensusVisibility.SeesLiveFigures(now, role)
            ? ConsensusCalculator.Compute(dialogue, statement, at)
            : Disclosure.Released(statement, dialogue, at);
    }
}
