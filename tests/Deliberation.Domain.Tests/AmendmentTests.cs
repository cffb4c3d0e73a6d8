using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>Amendments: a delegate proposes, the rapporteur accepts (a revision) or declines with a reason.</summary>
public sealed class AmendmentTests
{
    private const string Original = "Models above a capability threshold should be registered with a national authority.";
    private const string Amended = "Models above a capability threshold should be registered with an international authority.";

    private readonly DialogueBuilder dialogue = new();
    private readonly Guid delegateId;
    private readonly Guid rapporteur;
    private readonly Guid clause;
    private readonly Guid amendment;

    public AmendmentTests()
    {
        delegateId = dialogue.AddMember(region: GlobalSouth);
        rapporteur = dialogue.AddMember(Role.Rapporteur);
        clause = dialogue.Clause(Original, ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Deliberation);
        amendment = dialogue.NewId();
        dialogue.Must(new ProposeAmendment(amendment, clause, 1, Amended, "Registration must be comparable across borders."), delegateId);
        dialogue.InPhase(Phase.Drafting);
    }

    [Fact]
    public void ProposedAmendmentIsKeptWithItsAuthorAndBase()
    {
        var proposed = dialogue.Statement.Amendments[amendment];
        Assert.Equal((AmendmentStatus.Proposed, delegateId, 1, Amended), (proposed.Status, proposed.ProposedBy, proposed.BaseRevision, proposed.Text));
        Assert.Equal(Original, dialogue.ClauseOf(clause).Text);
    }

    [Fact]
    public void AcceptedAmendmentBecomesARevision()
    {
        var events = dialogue.Must(new DecideAmendment(amendment, true, null), rapporteur);

        Assert.IsType<AmendmentAccepted>(events[0]);
        var revised = Assert.IsType<ClauseRevised>(events[1]);
        Assert.Equal((amendment, RevisionSource.Amendment, 2), (revised.AmendmentId, revised.Source, revised.Revision));
        Assert.Equal(Amended, dialogue.ClauseOf(clause).Text);
        Assert.Equal("Registration must be comparable across borders.", dialogue.ClauseOf(clause).Current.Rationale);
        var accepted = dialogue.Statement.Amendments[amendment];
        Assert.Equal((AmendmentStatus.Accepted, (int?)2), (accepted.Status, accepted.ResultingRevision));
    }

    [Fact]
    public void DecliningAnAmendmentNeedsAReason()
    {
        var error = dialogue.Refused(new DecideAmendment(amendment, false, "  "), rapporteur);
        Assert.Equal(("reason.required", ErrorKind.Invalid), (error.Rule, error.Kind));
        Assert.Equal("reason.required", dialogue.Refused(new DecideAmendment(amendment, false, null), rapporteur).Rule);
    }

    [Fact]
    public void DeclinedAmendmentKeepsItsReasonAndLeavesTheText()
    {
        dialogue.Must(new DecideAmendment(amendment, false, "No international authority exists yet."), rapporteur);

        var declined = dialogue.Statement.Amendments[amendment];
        Assert.Equal((AmendmentStatus.Declined, "No international authority exists yet."), (declined.Status, declined.Reason));
        Assert.Equal(Original, dialogue.ClauseOf(clause).Text);
        Assert.Single(dialogue.ClauseOf(clause).Revisions);
    }

    [Fact]
    public void AnAmendmentIsDecidedOnce()
    {
        dialogue.Must(new DecideAmendment(amendment, false, "Out of scope."), rapporteur);
        var error = dialogue.Refused(new DecideAmendment(amendment, true, null), rapporteur);
        Assert.Equal(("amendment.decided", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void OnlyADrafterDecidesAmendments()
    {
        var error = dialogue.Refused(new DecideAmendment(amendment, true, null), delegateId);
        Assert.Equal(("role.not-rapporteur", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void AmendmentWrittenAgainstAnOlderRevisionCannotBeAccepted()
    {
        dialogue.Revise(clause, Original.Replace("national", "national or regional"), RevisionKind.Substantive);
        var error = dialogue.Refused(new DecideAmendment(amendment, true, null), rapporteur);
        Assert.Equal(("amendment.stale-base", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void AmendmentProposingTheCurrentTextIsRefused() =>
        Assert.Equal("amendment.unchanged", dialogue.Refused(new ProposeAmendment(Guid.NewGuid(), clause, 1, Original, null), delegateId).Rule);

    [Fact]
    public void UnknownAmendmentIsNotFound() =>
        Assert.Equal(ErrorKind.NotFound, dialogue.Refused(new DecideAmendment(Guid.NewGuid(), true, null), rapporteur).Kind);

    [Fact]
    public void AmendmentsAreNotProposedAfterDrafting()
    {
        dialogue.InPhase(Phase.FinalReading);
        Assert.Equal("phase.not-allowed", dialogue.Refused(new ProposeAmendment(Guid.NewGuid(), clause, 1, Amended + " Soon.", null), delegateId).Rule);
    }
}
