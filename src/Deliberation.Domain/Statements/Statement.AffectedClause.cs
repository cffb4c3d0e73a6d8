namespace Deliberation.Domain.Statements;

public static partial class Statement
{
    /// <summary>
    /// The clause whose figures an event can move, if any: the room is sent fresh consensus for
    /// those clauses only. An accepted amendment moves nothing itself; the revision it brings does.
    /// </summary>
    public static Guid? ClauseAffectedBy(StatementEvent e) => e switch
    {
        ClauseAdded c => c.ClauseId,
        ClauseRevised c => c.ClauseId,
        ClauseWithdrawn c => c.ClauseId,
        PositionTaken c => c.ClauseId,
        RangeStated c => c.ClauseId,
        _ => null,
    };
}
