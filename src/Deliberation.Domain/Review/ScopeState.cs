using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Review;

/// <summary>A dialogue and its statements after some prefix of the scope's events: what replay folds.</summary>
public sealed record ScopeState(DialogueState Dialogue, ImmutableDictionary<Guid, StatementState> Statements)
{
    public static ScopeState Initial(Guid dialogueId) => new(DialogueState.Initial(dialogueId), ImmutableDictionary<Guid, StatementState>.Empty);

    public StatementState Statement(Guid statementId) => Statements.GetValueOrDefault(statementId) ?? StatementState.Initial(statementId);

    public ScopeState Apply(ScopeEvent e) => e switch
    {
        { Event: DialogueEvent d } => this with { Dialogue = Dialogues.Dialogue.Apply(Dialogue, d, e.Meta) },
        { Event: StatementEvent s, StatementId: { } id } => this with { Statements = Statements.SetItem(id, Deliberation.Domain.Statements.Statement.Apply(Statement(id), s, e.Meta)) },
        _ => this,
    };
}
