using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// docs/domain.md, "Releases": the room sees a clause's figures again once k distinct members changed
/// since it last saw them; the chair may force a release below k, and the release says so.
/// </summary>
public sealed class ReleaseTests
{
    private const int K = 3;

    private static (DialogueBuilder Dialogue, Guid[] Delegates, Guid Clause) Room(ConfidentialityMode mode = ConfidentialityMode.Anonymous)
    {
        var dialogue = new DialogueBuilder(confidentiality: mode, minimumGroupSize: K);
        var delegates = dialogue.AddDelegates(3, China).Concat(dialogue.AddDelegates(3, UnitedStates)).Concat(dialogue.AddDelegates(3, Europe)).ToArray();
        var clause = dialogue.Clause("Third-party evaluations before deployment.", ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Deliberation);
        return (dialogue, delegates, clause);
    }

    private static FiguresReleased? ReleaseIn(IReadOnlyList<StatementEvent> events) => events.OfType<FiguresReleased>().SingleOrDefault();

    [Fact]
    public void ARelease_ComesAtTheKthDistinctChanger_NotAtTheKthChange()
    {
        var (dialogue, delegates, clause) = Room();

        // One person changing three times is one changer: the room must not see her moves.
        Assert.Null(ReleaseIn(dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Support)));
        Assert.Null(ReleaseIn(dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Oppose)));
        Assert.Null(ReleaseIn(dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Block)));
        Assert.Null(ReleaseIn(dialogue.TakeAsTheGrain(delegates[3], clause, PositionKind.Support)));
        Assert.Equal(2, dialogue.ClauseOf(clause).ChangedSinceRelease.Count);

        var events = dialogue.TakeAsTheGrain(delegates[6], clause, PositionKind.Accept);

        // One commit: the third changer's position, then the release.
        Assert.IsType<PositionTaken>(events[0]);
        var release = ReleaseIn(events)!;
        Assert.Equal(ReleaseTrigger.Threshold, release.Trigger);
        var only = Assert.Single(release.Clauses);
        Assert.Equal((clause, 3, false), (only.ClauseId, only.Changes, only.Forced));
        Assert.Empty(dialogue.ClauseOf(clause).ChangedSinceRelease);
        Assert.Equal(only, dialogue.ClauseOf(clause).LastRelease);
        Assert.Equal(dialogue.Statement.Version, dialogue.ClauseOf(clause).LastReleaseVersion);
    }

    [Fact]
    public void BeforeItsFirstRelease_AClauseIsPendingToTheRoom_WhateverTheSilentArithmeticSays()
    {
        var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous, minimumGroupSize: K);
        // Groups of one, one of whom has spoken: the live status is already Near consensus; the room sees Pending until a release.
        dialogue.AddDelegates(1, China);
        dialogue.AddDelegates(1, UnitedStates);
        var clause = dialogue.Clause("Third-party evaluations before deployment.", ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.TakeAsTheGrain(dialogue.Dialogue.Roster.Values.First(m => m.Role == Role.Delegate).ParticipantId, clause, PositionKind.Support);

        var shown = Disclosure.Released(dialogue.Statement, dialogue.Dialogue).Clauses.Single();

        Assert.Equal(ClauseStatus.Pending, shown.Status);
        Assert.True(shown.Release!.ChangesPending);
        Assert.All(shown.Dimensions.SelectMany(d => d.Groups), g => Assert.Equal(0, g.Counts.Responded));
    }

    [Fact]
    public void AWithdrawalAfterTheLastRelease_ShowsAtOnce_ItIsTextNotAPosition()
    {
        var (dialogue, delegates, clause) = Room();
        foreach (var member in delegates.Take(K))
            dialogue.TakeAsTheGrain(member, clause, PositionKind.Support);
        Assert.NotNull(dialogue.ClauseOf(clause).LastRelease);

        dialogue.InPhase(Phase.Drafting);
        dialogue.Must(new WithdrawClause(clause, "Merged into clause 2."), dialogue.Convener);

        Assert.Equal(ClauseStatus.Withdrawn, Disclosure.Released(dialogue.Statement, dialogue.Dialogue).Clauses.Single().Status);
    }

    [Fact]
    public void AChangerNoLongerVoting_DoesNotCountTowardsK()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Support);
        dialogue.TakeAsTheGrain(delegates[1], clause, PositionKind.Support);
        dialogue.Must(new Dialogues.RemoveMember(delegates[0]), dialogue.Convener);

        // Two changers were seen, but one left the roster: her change moves nothing the room sees.
        Assert.Null(ReleaseIn(dialogue.TakeAsTheGrain(delegates[2], clause, PositionKind.Oppose)));
        Assert.Equal("release.too-few-changes", dialogue.Refused(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause), dialogue.Facilitator).Rule);
        Assert.Equal(3, ReleaseIn(dialogue.TakeAsTheGrain(delegates[3], clause, PositionKind.Oppose))!.Clauses.Single().Changes);
    }

    [Fact]
    public void ReleasedFigures_AreTheLiveFiguresAsTheRoomIsShownThem_AtThatMoment()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Block);
        dialogue.TakeAsTheGrain(delegates[3], clause, PositionKind.Support);
        var withThird = dialogue.TakeAsTheGrain(delegates[6], clause, PositionKind.Oppose);
        var live = dialogue.ConsensusOf(clause);

        var released = ReleaseIn(withThird)!.Clauses.Single().Figures;

        Assert.Equal(DomainJson.Serialize(Disclosure.ForRoom(live, dialogue.Dialogue)), DomainJson.Serialize(released));
        // And they stay what the room sees while positions move on below k.
        dialogue.TakeAsTheGrain(delegates[1], clause, PositionKind.Support);
        var seen = Disclosure.Released(dialogue.Statement, dialogue.Dialogue).Clauses.Single();
        Assert.Equal(DomainJson.Serialize(released with { Release = null }), DomainJson.Serialize(seen with { Release = null }));
        Assert.True(seen.Release!.ChangesPending);
        Assert.Equal((ReleaseTrigger.Threshold, 3, false), (seen.Release.Trigger!.Value, seen.Release.Changes, seen.Release.Forced));
    }

    [Fact]
    public void BeforeAnyRelease_TheRoomSeesEveryoneSilent()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Block);

        var seen = Disclosure.Released(dialogue.Statement, dialogue.Dialogue).Clauses.Single();

        Assert.Equal(ClauseStatus.Pending, seen.Status);
        Assert.All(seen.Dimensions.SelectMany(d => d.Groups), g => Assert.Equal(g.Members, g.Silent));
        Assert.Equal((0L, (DateTimeOffset?)null, true), (seen.Release!.StatementVersion, seen.Release.At, seen.Release.ChangesPending));
    }

    [Fact]
    public void ShowTheRoom_ForAClauseBelowK_IsRefusedNamingTheRiskAndTheCount()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Block);

        var error = dialogue.Refused(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause), dialogue.Facilitator);

        Assert.Equal("release.too-few-changes", error.Rule);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal("Only 1 person has changed position here since the room last saw it (k = 3): releasing now may let the room tell what that person said. Send force to release anyway.", error.Message);
    }

    [Fact]
    public void AForcedRelease_IsMarkedForEveryone()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Block);
        dialogue.TakeAsTheGrain(delegates[3], clause, PositionKind.Support);

        var release = ReleaseIn(dialogue.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom, clause, Force: true), dialogue.Facilitator))!;

        Assert.Equal(ReleaseTrigger.ShowTheRoom, release.Trigger);
        var only = release.Clauses.Single();
        Assert.Equal((2, true), (only.Changes, only.Forced));
        Assert.True(Disclosure.Released(dialogue.Statement, dialogue.Dialogue).Clauses.Single().Release!.Forced);
    }

    [Fact]
    public void ShowTheRoom_ReleasesEveryClauseAtK_AndWithNothingToReleaseIsAcceptedWithoutAnEvent()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.InPhase(Phase.Drafting);
        var other = dialogue.Clause("A second clause.");
        // Plain Take: no Threshold release, so both clauses wait for the chair.
        dialogue.Take(delegates[..3], clause, PositionKind.Support);
        dialogue.Take(delegates[0], other, PositionKind.Support);

        var release = ReleaseIn(dialogue.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom), dialogue.Facilitator))!;

        Assert.Equal([clause], release.Clauses.Select(c => c.ClauseId));
        Assert.Empty(dialogue.Must(new ReleaseFigures(ReleaseTrigger.ShowTheRoom), dialogue.Facilitator));
    }

    [Fact]
    public void OnlyTheChairShowsTheRoom_AndSystemTriggersNeitherNameClausesNorForce()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.Take(delegates[..3], clause, PositionKind.Support);

        Assert.Equal("role.not-facilitator", dialogue.Refused(new ReleaseFigures(ReleaseTrigger.ShowTheRoom), delegates[0]).Rule);
        Assert.Equal("role.not-organiser", dialogue.Refused(new ReleaseFigures(ReleaseTrigger.Import), delegates[0]).Rule);
        Assert.Equal("release.system-trigger", dialogue.Refused(new ReleaseFigures(ReleaseTrigger.Threshold, clause, Force: true), delegates[0]).Rule);
        Assert.Equal("release.system-trigger", dialogue.Refused(new ReleaseFigures(ReleaseTrigger.PhaseChange, clause), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void APhaseChangeRelease_ReleasesClausesAtK_Only()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.InPhase(Phase.Drafting);
        var other = dialogue.Clause("A second clause.");
        dialogue.Take(delegates[..3], clause, PositionKind.Oppose);
        dialogue.Take(delegates[..2], other, PositionKind.Support);

        var release = ReleaseIn(dialogue.Must(new ReleaseFigures(ReleaseTrigger.PhaseChange), dialogue.Facilitator))!;

        Assert.Equal(ReleaseTrigger.PhaseChange, release.Trigger);
        Assert.Equal([clause], release.Clauses.Select(c => c.ClauseId));
        Assert.Equal(2, dialogue.ClauseOf(other).ChangedSinceRelease.Count);
    }

    [Fact]
    public void OptionPositionsAndRangesCountAsChanges()
    {
        var dialogue = new DialogueBuilder(confidentiality: ConfidentialityMode.Anonymous, minimumGroupSize: K);
        var delegates = dialogue.AddDelegates(3, China).Concat(dialogue.AddDelegates(3, UnitedStates)).ToArray();
        var floor = dialogue.Clause("Spend [one third | 20%] of AI R&D on safety.", ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);

        dialogue.TakeAsTheGrain(delegates[0], floor, PositionKind.Support, "1.1");
        var range = dialogue.DecideAsTheGrain([new StateRange(floor, dialogue.RevisionOf(floor), 10, 30)], delegates[3]);
        Assert.Null(ReleaseIn(range.Events));
        var release = ReleaseIn(dialogue.TakeAsTheGrain(delegates[4], floor, PositionKind.Oppose, "1.2"))!;

        var figures = release.Clauses.Single().Figures;
        Assert.Equal(3, release.Clauses.Single().Changes);
        Assert.Equal(1, figures.Options.Single(o => o.OptionId == "1.1").Dimensions[0].Total.Support);
        Assert.Equal(1, figures.FundingFloor!.Curves.Where(c => c.Dimension == Region).Sum(c => c.Stated));
    }

    [Fact]
    public void Notes_AreSortedOrdinally_WithoutNamesOrTimes_AndOnlyFromCurrentPositions()
    {
        var (dialogue, delegates, clause) = Room();
        dialogue.InPhase(Phase.Drafting);
        dialogue.Take(delegates[8], clause, PositionKind.Oppose, note: "Stale: the text changed since.");
        dialogue.Revise(clause, "Independent third-party evaluations before deployment.", RevisionKind.Substantive);
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Block, note: "b: too vague");
        dialogue.Take(delegates[6], clause, PositionKind.StandAside, note: "a: abstain");
        var release = ReleaseIn(dialogue.TakeAsTheGrain(delegates[3], clause, PositionKind.Accept, note: "B: fine"))!.Clauses.Single();

        Assert.Equal(["B: fine", "a: abstain", "b: too vague"], release.Notes.ToArray());
        var json = DomainJson.Serialize(release);
        Assert.All(dialogue.Dialogue.Roster.Keys, id => Assert.DoesNotContain(id.ToString(), json, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("2024-", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleasesHappenInEveryMode()
    {
        var (dialogue, delegates, clause) = Room(ConfidentialityMode.Attributed);
        dialogue.TakeAsTheGrain(delegates[0], clause, PositionKind.Support);
        dialogue.TakeAsTheGrain(delegates[1], clause, PositionKind.Support);
        Assert.NotNull(ReleaseIn(dialogue.TakeAsTheGrain(delegates[2], clause, PositionKind.Support)));
    }

    [Fact]
    public void AReleaseRoundTripsThroughJsonAndReplays()
    {
        var (dialogue, delegates, clause) = Room();
        foreach (var d in delegates[..3])
            dialogue.TakeAsTheGrain(d, clause, PositionKind.Support, note: "ok");

        var replayed = Statement.Replay(dialogue.StatementId, dialogue.StatementHistory
            .Select(h => ((StatementEvent)DomainJson.DeserializeEvent(h.Event.EventType, DomainJson.SerializeEventPayload(h.Event)), h.Meta)));

        Assert.Equal(DomainJson.Serialize(dialogue.Statement), DomainJson.Serialize(replayed));
        Assert.NotNull(replayed.Clauses[clause].LastRelease);
    }

    [Fact]
    public void OnlyTheSameReleaseWithChangesPendingFlippedShowsTheFiguresAlreadySent()
    {
        var released = new ReleaseMark(12, false, ClauseStatus.Agreed, -1);

        Assert.True((released with { ChangesPending = true }).ShowsTheSameReleaseAs(released));
        Assert.True(released.ShowsTheSameReleaseAs(released with { ChangesPending = true }));
        Assert.False(new ReleaseMark(15, true, ClauseStatus.Agreed, -1).ShowsTheSameReleaseAs(released));
        Assert.False((released with { Status = ClauseStatus.Withdrawn, ChangesPending = true }).ShowsTheSameReleaseAs(released));
        // Before a first release the figures are the silent room's, computed afresh each time.
        var silent = new ReleaseMark(0, false, ClauseStatus.Pending, 4);
        Assert.False((silent with { ChangesPending = true }).ShowsTheSameReleaseAs(silent));
    }
}
