using System.Collections.Immutable;
using Deliberation.Client.Components;
using Deliberation.Domain;
using Deliberation.Domain.Statements;

namespace Deliberation.Client.Tests;

public sealed class ClauseListTests : ComponentTest
{
    private static readonly Guid Delegate = Guid.NewGuid();

    private static ClauseView Clause(string text) => new(Guid.NewGuid(), ClauseKind.RedLine, null, 1, 1, text, false, [], null,
        [new RevisionView(1, text, DateTimeOffset.UnixEpoch, RevisionKind.Substantive, RevisionSource.Draft, null)],
        null, ImmutableDictionary<string, Position>.Empty, null, false);

    private static Amendment AmendmentTo(ClauseView clause, AmendmentStatus status) =>
        new(Guid.NewGuid(), clause.Id, Delegate, 1, clause.Text + " Amended.", null, DateTimeOffset.UnixEpoch, status,
            status == AmendmentStatus.Proposed ? null : "Reason", null);

    [Fact]
    public void TheListCountsTheAmendmentsStillPendingOnEachClause()
    {
        var first = Clause("No autonomous replication.");
        var second = Clause("No power seeking.");
        var third = Clause("Report incidents.");
        var statement = new StatementView(Guid.NewGuid(), Guid.NewGuid(), "Statement", 3, null, [first, second, third],
            [AmendmentTo(first, AmendmentStatus.Proposed), AmendmentTo(first, AmendmentStatus.Proposed),
             AmendmentTo(second, AmendmentStatus.Proposed), AmendmentTo(second, AmendmentStatus.Declined),
             AmendmentTo(third, AmendmentStatus.Accepted)],
            []);

        var cut = Render<ClauseList>(p => p.Add(x => x.Statement, statement));

        Assert.Equal("2 amendments pending", cut.Find($"[data-testid='amendments-pending-{first.Id}']").TextContent.Trim());
        Assert.Equal("1 amendment pending", cut.Find($"[data-testid='amendments-pending-{second.Id}']").TextContent.Trim());
        Assert.Empty(cut.FindAll($"[data-testid='amendments-pending-{third.Id}']"));
    }
}
