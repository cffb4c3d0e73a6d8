using System.Collections.Immutable;
using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>The dialogue decider: creation, roster, phases and who may do what.</summary>
public sealed class DialogueDeciderTests
{
    private readonly DialogueBuilder dialogue = new();

    private static Member Member(Guid id, Role role, params (string Dimension, string Group)[] groups) =>
        new(id, "Yoshua Bengio", "Mila", role, groups.ToImmutableDictionary(g => g.Dimension, g => g.Group));

    [Fact]
    public void CreatorBecomesTheConvener()
    {
        var convener = dialogue.Dialogue.Roster[dialogue.Convener];
        Assert.Equal(Role.Convener, convener.Role);
        Assert.Equal(Phase.Setup, dialogue.Dialogue.Phase);
        Assert.Equal(ConfidentialityMode.ChathamHouse, dialogue.Dialogue.Settings.Confidentiality);
        Assert.Equal([Region, Sector], dialogue.Dialogue.Dimensions.Select(d => d.Name));
        Assert.Equal(["en"], dialogue.Dialogue.Settings.Languages.ToArray());
    }

    [Fact]
    public void CreatingADialogueTwiceIsAConflict()
    {
        var error = dialogue.Refused(new CreateDialogue(dialogue.DialogueId, new DialogueSettings("Again"), [], null, "Someone", null), dialogue.Convener);
        Assert.Equal(("dialogue.exists", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void CommandsOnAMissingDialogueAreNotFound()
    {
        var decision = Dialogue.Decide(DialogueState.Initial(Guid.NewGuid()), new SetPhase(Phase.Deliberation), Guid.NewGuid(), Opening);
        Assert.Equal(("dialogue.not-found", ErrorKind.NotFound), (decision.Error?.Rule, decision.Error?.Kind));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void NonMembersCannotAct()
    {
        var error = dialogue.Refused(new RaiseHand(), Guid.NewGuid());
        Assert.Equal(("dialogue.not-a-member", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void PhasesMoveForwardOneStepAtATime()
    {
        var events = dialogue.Must(new SetPhase(Phase.Deliberation), dialogue.Facilitator);
        Assert.Equal(new PhaseChanged(Phase.Setup, Phase.Deliberation), Assert.Single(events));

        var error = dialogue.Refused(new SetPhase(Phase.FinalReading), dialogue.Facilitator);
        Assert.Equal(("phase.invalid-transition", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void PhasesMoveBackWhileTheTextIsOpenButNotOutOfSigning()
    {
        dialogue.InPhase(Phase.FinalReading);
        dialogue.Must(new SetPhase(Phase.Drafting), dialogue.Facilitator);
        dialogue.InPhase(Phase.Signing);
        Assert.Equal("phase.invalid-transition", dialogue.Refused(new SetPhase(Phase.FinalReading), dialogue.Facilitator).Rule);
        dialogue.InPhase(Phase.Closed);
        Assert.Equal("phase.invalid-transition", dialogue.Refused(new SetPhase(Phase.Signing), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void SettingTheCurrentPhaseIsAConflict() =>
        Assert.Equal("phase.unchanged", dialogue.Refused(new SetPhase(Phase.Setup), dialogue.Facilitator).Rule);

    [Theory]
    [InlineData(Role.Delegate)]
    [InlineData(Role.Rapporteur)]
    [InlineData(Role.Observer)]
    public void OnlyTheFacilitatorMovesPhases(Role role)
    {
        var member = dialogue.AddMember(role);
        var error = dialogue.Refused(new SetPhase(Phase.Deliberation), member);
        Assert.Equal(("role.not-facilitator", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void ClosedDialogueRefusesEverythingButItsPhase()
    {
        dialogue.InPhase(Phase.Closed);
        Assert.Equal("phase.closed", dialogue.Refused(new RaiseHand(), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void MemberIsAddedWithRoleAndOneGroupPerDimension()
    {
        var id = Guid.NewGuid();
        dialogue.Must(new AddMember(Member(id, Role.Delegate, (Region, GlobalSouth), (Sector, CivilSociety))), dialogue.Convener);

        var member = dialogue.Dialogue.Roster[id];
        Assert.Equal((Role.Delegate, GlobalSouth, CivilSociety), (member.Role, member.GroupIn(Region), member.GroupIn(Sector)));
    }

    [Fact]
    public void MemberInAGroupTheDimensionDoesNotHaveIsRefused()
    {
        var error = dialogue.Refused(new AddMember(Member(Guid.NewGuid(), Role.Delegate, (Region, "Antarctica"))), dialogue.Convener);
        Assert.Equal(("group.not-found", ErrorKind.NotFound), (error.Rule, error.Kind));
    }

    [Fact]
    public void MemberInADimensionTheDialogueDoesNotHaveIsRefused() =>
        Assert.Equal("dimension.not-found", dialogue.Refused(new AddMember(Member(Guid.NewGuid(), Role.Delegate, ("Language", "English"))), dialogue.Convener).Rule);

    [Fact]
    public void MemberAddedTwiceIsAConflict()
    {
        var id = dialogue.AddMember();
        Assert.Equal("member.exists", dialogue.Refused(new AddMember(Member(id, Role.Delegate)), dialogue.Convener).Rule);
    }

    [Fact]
    public void UpdatingAMemberChecksItsGroupsToo()
    {
        var id = dialogue.AddMember(region: China);
        Assert.Equal("group.not-found", dialogue.Refused(new UpdateMember(Member(id, Role.Delegate, (Sector, "Media"))), dialogue.Convener).Rule);
        dialogue.Must(new UpdateMember(Member(id, Role.Delegate, (Region, Europe))), dialogue.Convener);
        Assert.Equal(Europe, dialogue.Dialogue.Roster[id].GroupIn(Region));
    }

    [Fact]
    public void AnEditThatDoesNotNameTheImportedIdKeepsIt()
    {
        var id = Guid.NewGuid();
        dialogue.Must(new AddMember(Member(id, Role.Delegate) with { ExternalId = "17" }), dialogue.Convener);

        dialogue.Must(new UpdateMember(Member(id, Role.Delegate, (Region, Europe))), dialogue.Convener);

        Assert.Equal("17", dialogue.Dialogue.Roster[id].ExternalId);
        Assert.Equal(Europe, dialogue.Dialogue.Roster[id].GroupIn(Region));
    }

    [Fact]
    public void TheLastOrganiserCannotStepDownWithoutAppointingAnother()
    {
        var convener = dialogue.Dialogue.Roster[dialogue.Convener];
        dialogue.Must(new UpdateMember(dialogue.Dialogue.Roster[dialogue.Facilitator] with { Role = Role.Delegate }), dialogue.Convener);

        var error = dialogue.Refused(new UpdateMember(convener with { Role = Role.Observer }), dialogue.Convener);

        Assert.Equal(("roster.last-organiser", ErrorKind.Conflict), (error.Rule, error.Kind));
        Assert.Equal(Role.Convener, dialogue.Dialogue.Roster[dialogue.Convener].Role);
        // With a facilitator appointed again, the convener may step down.
        dialogue.Must(new UpdateMember(dialogue.Dialogue.Roster[dialogue.Facilitator] with { Role = Role.Facilitator }), dialogue.Convener);
        dialogue.Must(new UpdateMember(convener with { Role = Role.Observer }), dialogue.Convener);
        Assert.Equal(Role.Observer, dialogue.Dialogue.Roster[dialogue.Convener].Role);
    }

    [Fact]
    public void DelegatesDoNotManageTheRoster()
    {
        var delegateId = dialogue.AddMember();
        var error = dialogue.Refused(new AddMember(Member(Guid.NewGuid(), Role.Delegate)), delegateId);
        Assert.Equal(("role.not-organiser", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void RemovingAMemberRevokesTheirInvites()
    {
        var id = dialogue.AddMember();
        var hash = new string('a', 64);
        dialogue.Must(new IssueInvite(id, hash, dialogue.Now.AddDays(7)), dialogue.Convener);

        var events = dialogue.Must(new RemoveMember(id), dialogue.Convener);

        Assert.Equal([new MemberRemoved(id), (DialogueEvent)new InviteRevoked(hash)], events);
        Assert.Empty(dialogue.Dialogue.Invites);
        Assert.False(dialogue.Dialogue.Roster.ContainsKey(id));
    }

    [Fact]
    public void InviteIsStoredByItsHexSha256() =>
        Assert.Equal("invite.bad-hash", dialogue.Refused(new IssueInvite(dialogue.Facilitator, "not-a-hash", dialogue.Now.AddDays(1)), dialogue.Convener).Rule);

    [Fact]
    public void DimensionsAreFixedOnceTheDialogueLeavesSetup()
    {
        dialogue.InPhase(Phase.Deliberation);
        var error = dialogue.Refused(new DefineDimensions([new Dimension(Region, [China])]), dialogue.Convener);
        Assert.Equal(("phase.dimensions-fixed", ErrorKind.Conflict), (error.Rule, error.Kind));
    }

    [Fact]
    public void DimensionsCannotDropAGroupSomeoneBelongsTo()
    {
        dialogue.AddMember(region: GlobalSouth);
        var error = dialogue.Refused(new DefineDimensions([new Dimension(Region, [China, UnitedStates, Europe]), StandardDimensions[1]]), dialogue.Convener);
        Assert.Equal("dimension.in-use", error.Rule);
    }

    [Fact]
    public void DimensionNamingAGroupTwiceIsRefused() =>
        Assert.Equal("group.duplicate", dialogue.Refused(new DefineDimensions([new Dimension(Region, [China, "China "])]), dialogue.Convener).Rule);

    [Theory]
    [InlineData(0.0, 0.5, "rule.threshold-out-of-range")]
    [InlineData(1.5, 0.5, "rule.threshold-out-of-range")]
    [InlineData(0.5, -0.1, "rule.quorum-out-of-range")]
    [InlineData(0.5, 1.1, "rule.quorum-out-of-range")]
    public void ConsensusRuleOutOfRangeIsRefused(double threshold, double quorum, string rule)
    {
        var rules = new ConsensusRules(new ConsensusRule(threshold, quorum), ImmutableDictionary<ClauseKind, ConsensusRule>.Empty);
        Assert.Equal(rule, dialogue.Refused(new ChangeConsensusRules(rules), dialogue.Convener).Rule);
    }

    [Fact]
    public void ConsensusRuleNamingAnUnknownDimensionIsRefused()
    {
        var rules = new ConsensusRules(new ConsensusRule(Dimensions: ["Language"]), ImmutableDictionary<ClauseKind, ConsensusRule>.Empty);
        Assert.Equal("rule.unknown-dimension", dialogue.Refused(new ChangeConsensusRules(rules), dialogue.Convener).Rule);
    }

    [Fact]
    public void TitleOverTheLimitIsRefused() =>
        Assert.Equal("title.too-long", dialogue.Refused(new ChangeSettings(new DialogueSettings(new string('x', Limits.TitleLength + 1))), dialogue.Convener).Rule);

    [Fact]
    public void ObserversDoNotRaiseTheirHand()
    {
        var observer = dialogue.AddMember(Role.Observer);
        var error = dialogue.Refused(new RaiseHand(), observer);
        Assert.Equal(("role.observer", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void FacilitatorGivesTheFloorByLoweringAHand()
    {
        var delegateId = dialogue.AddMember();
        var other = dialogue.AddMember();
        dialogue.Must(new RaiseHand(), delegateId);
        Assert.Equal("queue.hand-already-raised", dialogue.Refused(new RaiseHand(), delegateId).Rule);
        Assert.Equal("role.not-facilitator", dialogue.Refused(new LowerHand(delegateId), other).Rule);

        dialogue.Must(new LowerHand(delegateId), dialogue.Facilitator);
        Assert.Empty(dialogue.Dialogue.SpeakingQueue);
    }

    [Fact]
    public void TimerRunsFromNowForItsSeconds()
    {
        var started = Assert.IsType<TimerStarted>(Assert.Single(dialogue.Must(new StartTimer("Clause 3", 300), dialogue.Facilitator)));
        Assert.Equal(started.Timer.StartedAt.AddMinutes(5), started.Timer.EndsAt);
        Assert.Equal("timer.out-of-range", dialogue.Refused(new StartTimer("Too long", Limits.TimerSeconds + 1), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void LeavingThePhaseATimerWasStartedInEndsTheTimer()
    {
        // "Time is up" used to follow the room into Signing and onto the projector (issue 11).
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Must(new StartTimer("Clause 3", 300), dialogue.Facilitator);
        Assert.NotNull(dialogue.Dialogue.Timer);

        dialogue.InPhase(Phase.Drafting);
        Assert.Null(dialogue.Dialogue.Timer);

        // Going back ends it too: any change of phase leaves the phase it was started in.
        dialogue.Must(new StartTimer("Drafting round", 60), dialogue.Facilitator);
        dialogue.InPhase(Phase.Deliberation);
        Assert.Null(dialogue.Dialogue.Timer);
    }

    [Fact]
    public void ATimerCannotBeStartedInSigningOrOnceClosed()
    {
        dialogue.InPhase(Phase.Signing);
        var inSigning = dialogue.Refused(new StartTimer("Signing", 300), dialogue.Facilitator);
        Assert.Equal("timer.not-in-phase", inSigning.Rule);
        Assert.Contains("Signing", inSigning.Message, StringComparison.Ordinal);

        dialogue.InPhase(Phase.Closed);
        Assert.Equal("phase.closed", dialogue.Refused(new StartTimer("After the close", 300), dialogue.Facilitator).Rule);
        Assert.Null(dialogue.Dialogue.Timer);
    }

    [Fact]
    public void FocusNamesAStatementTheDialogueHolds()
    {
        Assert.Equal("statement.not-found", dialogue.Refused(new SetFocus(Guid.NewGuid(), Guid.NewGuid()), dialogue.Facilitator).Rule);
        var clause = Guid.NewGuid();
        dialogue.Must(new SetFocus(dialogue.StatementId, clause), dialogue.Facilitator);
        Assert.Equal(new Focus(dialogue.StatementId, clause), dialogue.Dialogue.Focus);
    }

    [Fact]
    public void ReplayRebuildsTheDialogue() =>
        Assert.Equal(DomainJson.Serialize(dialogue.Dialogue), DomainJson.Serialize(Dialogue.Replay(dialogue.DialogueId, dialogue.DialogueHistory)));
}
