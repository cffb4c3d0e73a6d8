using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Server.Polis;

/// <summary>
/// An import's positions taken in place (<see cref="PositionRun"/>) and the statement built from them once at the
/// end (docs/performance.md, "Imports of any size"): what <see cref="Statement.Apply"/> of every event in turn
/// would leave, without a new statement state per position. Valid because an import's positions are judged on
/// the statement before any of them (<see cref="ImportPlan"/>): nothing reads the statement between them. Any
/// event the run does not take is applied by the domain as it comes, each the next version of the statement.
/// ImportedPositionsTallyTests holds the result to the domain's replay of the stream.
/// </summary>
public sealed class ImportedPositionsTally(StatementState before, Guid importer, DateTimeOffset at)
{
    private PositionRun run = new(before);
    private long version = before.Version;

    /// <summary>Takes a share's decided events in order, each the next version of the statement.</summary>
    public void Add(IReadOnlyList<StatementEvent> events)
    {
        foreach (var e in events)
        {
            var meta = new EventMeta(version + 1, at, importer);
            if (e is not PositionTaken taken || !run.TryTake(taken, meta, out _))
                run = new PositionRun(Statement.Apply(Build(), e, meta));
            version++;
        }
    }

    /// <summary>The statement after every event added: the same state as the domain's apply of each.</summary>
    public StatementState Build()
    {
        var built = run.Build();
        run = new PositionRun(built);
        return built;
    }
}
