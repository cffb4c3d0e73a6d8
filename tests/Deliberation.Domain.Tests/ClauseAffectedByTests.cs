using System.Collections.Immutable;
using Deliberation.Domain.Statements;

namespace Deliberation.Domain.Tests;

/// <summary><see cref="Statement.ClauseAffectedBy"/>: which clause's figures an event can move.</summary>
public sealed class ClauseAffectedByTests
{
    private static readonly Guid Clause = Guid.NewGuid();

    public static TheoryData<StatementEvent> ClauseEvents => new()
    {
        new ClauseAdded(Clause, ClauseKind.Other, "Text.", null, null, null, null),
        new ClauseRevised(Clause, 2, 1, "Text, revised.", RevisionKind.Substantive, RevisionSource.Edit, null, null, null),
        new ClauseWithdrawn(Clause, null),
        new PositionTaken(Guid.NewGuid(), Clause, null, 1, PositionKind.Support, null),
        new RangeStated(Guid.NewGuid(), Clause, 1, 10, 20),
    };

    public static TheoryData<StatementEvent> OtherEvents => new()
    {
        new StatementCreated(Guid.NewGuid(), Guid.NewGuid(), "Title"),
        // The revision an accepted amendment brings moves the figures; the acceptance itself does not.
        new AmendmentProposed(Guid.NewGuid(), Clause, 1, "Other text.", null),
        new AmendmentAccepted(Guid.NewGuid(), null),
        new AmendmentDeclined(Guid.NewGuid(), "No."),
        new StatementFrozen("Text.", "hash"),
        new StatementSigned("Ada", null, SignatureCapacity.Personal, "hash"),
        new SignatureWithdrawn(null),
    };

    [Theory]
    [MemberData(nameof(ClauseEvents))]
    public void EventsOnAClauseNameIt(StatementEvent e) => Assert.Equal(Clause, Statement.ClauseAffectedBy(e));

    [Theory]
    [MemberData(nameof(OtherEvents))]
    public void OtherEventsNameNoClause(StatementEvent e) => Assert.Null(Statement.ClauseAffectedBy(e));
}
