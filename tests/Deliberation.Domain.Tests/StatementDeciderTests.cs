using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>The statement decider: phases, roles, revisions and bad input.</summary>
public sealed class StatementDeciderTests
{
    private const string Text = "AI systems should not be able to copy or improve themselves without explicit human approval.";

    private readonly DialogueBuilder dialogue = new();
    private readonly Guid delegateId;
    private readonly Guid clause;

    public StatementDeciderTests()
    {
        delegateId = dialogue.AddMember(region: UnitedStates, sector: Industry);
        clause = dialogue.Clause(Text, ClauseKind.RedLine);
    }

    public static TheoryData<Phase, bool> PositionPhases => new()
    {
        { Phase.Setup, false },
        { Phase.Deliberation, true },
        { Phase.Drafting, true },
        { Phase.FinalReading, true },
        { Phase.Signing, false },
    };

    [Theory]
    [MemberData(nameof(PositionPhases))]
    public void PositionsAreTakenOnlyInDeliberationDraftingAndFinalReading(Phase phase, bool allowed)
    {
        dialogue.InPhase(phase);
        var command = new TakePosition(clause, 1, PositionKind.Support);
        if (allowed)
        {
            var taken = Assert.IsType<PositionTaken>(Assert.Single(dialogue.Must(command, delegateId)));
            Assert.Equal(new PositionTaken(delegateId, clause, null, 1, PositionKind.Support, null), taken);
        }
        else
        {
            var error = dialogue.Refused(command, delegateId);
            Assert.Equal(("phase.not-allowed", ErrorKind.Conflict), (error.Rule, error.Kind));
        }
    }

    public static TheoryData<Phase, bool> EditingPhases => new()
    {
        { Phase.Setup, true },
        { Phase.Deliberation, false },
        { Phase.Drafting, true },
        { Phase.FinalReading, false },
        { Phase.Signing, false },
    };

    [Theory]
    [MemberData(nameof(EditingPhases))]
    public void TextIsEditedOnlyInSetupAndDrafting(Phase phase, bool allowed)
    {
        dialogue.InPhase(phase);
        var revise = new ReviseClause(clause, 1, Text + " Ever.", RevisionKind.Substantive, null);
        var propose = new ProposeClause(Guid.NewGuid(), ClauseKind.Principle, "A new clause.");
        if (allowed)
        {
            dialogue.Must(revise, dialogue.Facilitator);
            dialogue.Must(propose, dialogue.Facilitator);
        }
        else
        {
            Assert.Equal("phase.not-allowed", dialogue.Refused(revise, dialogue.Facilitator).Rule);
            Assert.Equal("phase.not-allowed", dialogue.Refused(propose, dialogue.Facilitator).Rule);
        }
    }

    [Fact]
    public void ClosedDialogueTakesNoPositions()
    {
        dialogue.InPhase(Phase.Closed);
        Assert.Equal("phase.closed", dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support), delegateId).Rule);
    }

    [Fact]
    public void ObserverCannotTakePositions()
    {
        var observer = dialogue.AddMember(Role.Observer, China);
        dialogue.InPhase(Phase.Deliberation);
        var error = dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support), observer);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void RapporteurDoesNotTakePositions()
    {
        var rapporteur = dialogue.AddMember(Role.Rapporteur, China);
        dialogue.InPhase(Phase.Deliberation);
        var error = dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support), rapporteur);
        Assert.Equal(("role.cannot-take-positions", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void FacilitatorTakesPositionsOnlyWhenFacilitatorsVote()
    {
        dialogue.InPhase(Phase.Deliberation);
        Assert.Equal("role.cannot-take-positions", dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support), dialogue.Facilitator).Rule);

        var voting = new DialogueBuilder(new ConsensusRules(new ConsensusRule(FacilitatorsVote: true), System.Collections.Immutable.ImmutableDictionary<ClauseKind, ConsensusRule>.Empty));
        var votingClause = voting.Clause(Text, ClauseKind.RedLine);
        voting.InPhase(Phase.Deliberation);
        voting.Take(voting.Facilitator, votingClause, PositionKind.Accept);
    }

    [Fact]
    public void DelegateCannotEditText()
    {
        var error = dialogue.Refused(new ReviseClause(clause, 1, Text + "!", RevisionKind.Editorial, null), delegateId);
        Assert.Equal(("role.not-rapporteur", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void RapporteurEditsText()
    {
        var rapporteur = dialogue.AddMember(Role.Rapporteur);
        dialogue.Must(new ReviseClause(clause, 1, Text + " Ever.", RevisionKind.Substantive, null), rapporteur);
        Assert.Equal(rapporteur, dialogue.ClauseOf(clause).Current.Author);
    }

    [Fact]
    public void RevisionOnAStaleBaseIsAConflict()
    {
        var rapporteur = dialogue.AddMember(Role.Rapporteur);
        dialogue.Must(new ReviseClause(clause, 1, Text + " Ever.", RevisionKind.Substantive, null), dialogue.Facilitator);

        // The rapporteur was still typing on revision 1: her text must not silently replace the facilitator's.
        var error = dialogue.Refused(new ReviseClause(clause, 1, Text + " Never.", RevisionKind.Substantive, null), rapporteur);
        Assert.Equal(("revision.stale-base", ErrorKind.Conflict), (error.Rule, error.Kind));
        Assert.Equal(Text + " Ever.", dialogue.ClauseOf(clause).Text);
    }

    [Fact]
    public void ClauseTextOverTheSizeLimitIsRefused()
    {
        var tooLong = new string('a', Limits.ClauseTextLength + 1);
        Assert.Equal(("text.too-long", ErrorKind.Invalid), Rule(dialogue.Refused(new ProposeClause(Guid.NewGuid(), ClauseKind.Other, tooLong), dialogue.Facilitator)));
        Assert.Equal("text.too-long", dialogue.Refused(new ReviseClause(clause, 1, tooLong, RevisionKind.Editorial, null), dialogue.Facilitator).Rule);
        dialogue.Must(new ProposeClause(Guid.NewGuid(), ClauseKind.Other, new string('a', Limits.ClauseTextLength)), dialogue.Facilitator);
    }

    [Fact]
    public void EmptyClauseTextIsRefused() =>
        Assert.Equal("text.required", dialogue.Refused(new ProposeClause(Guid.NewGuid(), ClauseKind.Other, " \n "), dialogue.Facilitator).Rule);

    [Fact]
    public void ControlCharactersInTextAreRefused() =>
        Assert.Equal("text.control-characters", dialogue.Refused(new ProposeClause(Guid.NewGuid(), ClauseKind.Other, "Bell\a"), dialogue.Facilitator).Rule);

    [Fact]
    public void NoteOverTheSizeLimitIsRefused()
    {
        dialogue.InPhase(Phase.Deliberation);
        Assert.Equal("note.too-long", dialogue.Refused(new TakePosition(clause, 1, PositionKind.Accept, new string('n', Limits.NoteLength + 1)), delegateId).Rule);
    }

    [Fact]
    public void PositionOnAnUnknownClauseIsNotFound()
    {
        dialogue.InPhase(Phase.Deliberation);
        var error = dialogue.Refused(new TakePosition(Guid.NewGuid(), 1, PositionKind.Support), delegateId);
        Assert.Equal(("clause.not-found", ErrorKind.NotFound), (error.Rule, error.Kind));
    }

    [Fact]
    public void RevisingAnUnknownClauseIsNotFound() =>
        Assert.Equal(("clause.not-found", ErrorKind.NotFound), Rule(dialogue.Refused(new ReviseClause(Guid.NewGuid(), 1, "x", RevisionKind.Editorial, null), dialogue.Facilitator)));

    [Fact]
    public void PositionOnAWithdrawnClauseIsNotFound()
    {
        dialogue.Must(new WithdrawClause(clause, null), dialogue.Facilitator);
        dialogue.InPhase(Phase.Deliberation);
        Assert.Equal("clause.not-found", dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support), delegateId).Rule);
    }

    [Fact]
    public void UndefinedPositionKindIsRefused()
    {
        dialogue.InPhase(Phase.Deliberation);
        Assert.Equal("position.unknown", dialogue.Refused(new TakePosition(clause, 1, (PositionKind)42), delegateId).Rule);
    }

    [Fact]
    public void ClauseIsInsertedAfterTheNamedClause()
    {
        var last = dialogue.Clause("Last.");
        var middle = Guid.NewGuid();
        dialogue.Must(new ProposeClause(middle, ClauseKind.Other, "Middle.", After: clause), dialogue.Facilitator);
        Assert.Equal([clause, middle, last], dialogue.Statement.ClauseOrder);
    }

    [Fact]
    public void ProposingAnExistingClauseIsAConflict() =>
        Assert.Equal(("clause.exists", ErrorKind.Conflict), Rule(dialogue.Refused(new ProposeClause(clause, ClauseKind.Other, "Again."), dialogue.Facilitator)));

    [Fact]
    public void OnlyOrganisersCreateStatements()
    {
        var state = StatementState.Initial(Guid.NewGuid());
        var decision = Statement.Decide(state, new CreateStatement(state.Id, dialogue.DialogueId, "Chair's summary"), dialogue.Dialogue, delegateId, dialogue.Now);
        Assert.Equal(("role.not-organiser", ErrorKind.Forbidden), (decision.Error?.Rule, decision.Error?.Kind));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void CommandsOnAMissingStatementAreNotFound()
    {
        var decision = Statement.Decide(StatementState.Initial(Guid.NewGuid()), new TakePosition(clause, 1, PositionKind.Support), dialogue.Dialogue, delegateId, dialogue.Now);
        Assert.Equal(("statement.not-found", ErrorKind.NotFound), (decision.Error?.Rule, decision.Error?.Kind));
    }

    [Fact]
    public void ImportedPositionsAreRecordedForTheVoters()
    {
        var other = dialogue.AddMember(region: China);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Must(new RecordImportedPositions([new ImportedPosition(delegateId, clause, PositionKind.Support), new ImportedPosition(other, clause, PositionKind.StandAside)]), dialogue.Convener);

        Assert.Equal(PositionKind.Support, dialogue.ClauseOf(clause).Positions[delegateId].Kind);
        Assert.Equal(PositionKind.StandAside, dialogue.ClauseOf(clause).Positions[other].Kind);
        // One bad row refuses the whole import.
        dialogue.Refused(new RecordImportedPositions([new ImportedPosition(delegateId, clause, PositionKind.Oppose), new ImportedPosition(Guid.NewGuid(), clause, PositionKind.Oppose)]), dialogue.Convener);
    }

    [Fact]
    public void ReplayRebuildsTheStatement()
    {
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(delegateId, clause, PositionKind.Oppose, note: "Too broad.");
        Assert.Equal(DomainJson.Serialize(dialogue.Statement), DomainJson.Serialize(Statement.Replay(dialogue.StatementId, dialogue.StatementHistory)));
    }

    private static (string, ErrorKind) Rule(RuleError error) => (error.Rule, error.Kind);
}
