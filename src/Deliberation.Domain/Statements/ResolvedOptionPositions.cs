namespace Deliberation.Domain.Statements;

/// <summary>
/// An editorial resolution of a bracket keeps the text the room took positions on: the chosen option
/// becomes the clause's text, so the positions given on that option become positions on the clause
/// (docs/consensus.md, bracketed alternatives). A substantive resolution carries nothing over: the
/// clause's earlier positions go stale as with any substantive revision.
/// </summary>
public static class ResolvedOptionPositions
{
    public static ClauseState WithResolvedOptionPositions(this ClauseState clause, ClauseRevised revised, ParticipantSlots slots)
    {
        if (revised.Kind != RevisionKind.Editorial || revised.ResolvedOptionId is not { } optionId)
            return clause;
        var onOption = clause.PositionsOn(optionId);
        if (onOption.IsEmpty)
            return clause;
        return clause with
        {
            // On the statement's numbering the option's voters already have their slots: nobody new to number.
            Positions = clause.Positions.NumberedBy(slots).SetItems(onOption),
            ChangedSinceRelease = clause.ChangedSinceRelease.Union(onOption.Keys),
        };
    }
}
