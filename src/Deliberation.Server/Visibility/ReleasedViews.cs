using System.Runtime.CompilerServices;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Visibility;

/// <summary>
/// A statement's released figures (<see cref="Disclosure.Released(StatementState, DialogueState, DateTimeOffset?)"/>),
/// kept for as long as the statement's state instance lives. Every release viewer's join answer holds
/// them, and building them evaluates every clause not yet released over the whole roster: in a room of
/// 1,000 that cost each join milliseconds, for the same figures (docs/performance.md, "Joining"). Keyed
/// by the state's own instance — immutable, shared by the joins of one room snapshot — and checked
/// against the dialogue instance it was built for, so a changed statement or roster is never served stale.
/// </summary>
public static class ReleasedViews
{
    private sealed record Entry(DialogueState Dialogue, StatementConsensus Released);

    private static readonly ConditionalWeakTable<StatementState, Entry> Built = new();

    public static StatementConsensus Of(StatementState statement, DialogueState dialogue)
    {
        if (Built.TryGetValue(statement, out var held) && ReferenceEquals(held.Dialogue, dialogue))
            return held.Released;
        var built = new Entry(dialogue, Disclosure.Released(statement, dialogue));
        Built.AddOrUpdate(statement, built);
        return built.Released;
    }
}
