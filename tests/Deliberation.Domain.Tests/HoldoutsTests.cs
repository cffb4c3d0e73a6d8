using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>
/// docs/consensus.md, "Holdouts": the chair's view of who holds out on a clause and why, with names
/// only where the mode lets the viewer see them, and what each group still needs.
/// </summary>
public sealed class HoldoutsTests
{
    private sealed record Room(DialogueBuilder Dialogue, Guid Clause, Guid Rapporteur, Guid StaleSupporter, Guid Opposer, Guid Blocker);

    /// <summary>
    /// China: one supporter whose position is on revision 1 (stale), one opposer, one silent.
    /// United States: one blocker, two supporters — all on revision 2.
    /// </summary>
    private static Room Build(ConfidentialityMode mode)
    {
        var dialogue = new DialogueBuilder(confidentiality: mode);
        var rapporteur = dialogue.AddMember(Role.Rapporteur, name: "Rhea Rapporteur");
        var staleSupporter = dialogue.AddMember(Role.Delegate, China, name: "Ann");
        var opposer = dialogue.AddMember(Role.Delegate, China, name: "Bo");
        dialogue.AddMember(Role.Delegate, China, name: "Cy");
        var blocker = dialogue.AddMember(Role.Delegate, UnitedStates, name: "Di");
        var supporters = new[] { dialogue.AddMember(Role.Delegate, UnitedStates, name: "Ed"), dialogue.AddMember(Role.Delegate, UnitedStates, name: "Flo") };
        var clause = dialogue.Clause("Frontier developers publish their safety cases.");
        dialogue.InPhase(Phase.Drafting);
        dialogue.TakeAsTheGrain(staleSupporter, clause, PositionKind.Support, note: "As long as it stays short.");
        dialogue.TakeAsTheGrain(opposer, clause, PositionKind.Support);

        dialogue.Revise(clause, "Frontier developers publish their safety cases before deployment.", RevisionKind.Substantive);
        dialogue.TakeAsTheGrain(opposer, clause, PositionKind.Oppose, note: "Before deployment is too late.");
        dialogue.TakeAsTheGrain(blocker, clause, PositionKind.Block, note: "No one can verify a safety case.");
        foreach (var supporter in supporters)
            dialogue.TakeAsTheGrain(supporter, clause, PositionKind.Support);
        return new Room(dialogue, clause, rapporteur, staleSupporter, opposer, blocker);
    }

    [Fact]
    public void InChathamHouse_TheFacilitatorSeesEachHoldoutByName_WithHerNote_BlocksFirst_ThenOpposition_ThenTheStale()
    {
        var room = Build(ConfidentialityMode.ChathamHouse);

        var holdouts = Holdouts.Of(room.Dialogue.ClauseOf(room.Clause), room.Dialogue.Dialogue, Role.Facilitator);

        Assert.True(holdouts.Named);
        Assert.Equal(2, holdouts.Revision);
        Assert.Equal(
            new Holdout[]
            {
                new Holdout(room.Blocker, "Di", null, PositionKind.Block, 2, false, "No one can verify a safety case."),
                new Holdout(room.Opposer, "Bo", null, PositionKind.Oppose, 2, false, "Before deployment is too late."),
                new Holdout(room.StaleSupporter, "Ann", null, PositionKind.Support, 1, true, "As long as it stays short."),
            },
            holdouts.People.ToArray());
        Assert.Empty(holdouts.Notes);
        Assert.Equal(1, holdouts.Stale);
    }

    [Fact]
    public void TheNeeds_AreHandWorked_FromTheLiveFiguresForAViewerWhoSeesThem()
    {
        var room = Build(ConfidentialityMode.ChathamHouse);

        var holdouts = Holdouts.Of(room.Dialogue.ClauseOf(room.Clause), room.Dialogue.Dialogue, Role.Facilitator);

        // China (3): one Oppose counted, the stale and the silent do not respond. Quorum 2 of 3 and a
        // two-thirds share: two must move to Support (the silent one, then the opposer).
        // United States (3): two Support and a Block, which vetoes: the blocker alone must move.
        Assert.Equal(
            [new GroupNeed(Region, China, 3, 2, []), new GroupNeed(Region, UnitedStates, 3, 1, [])],
            holdouts.Needs.Select(n => n with { FoldedGroups = [.. n.FoldedGroups] }).ToArray(),
            NeedComparer.Instance);
    }

    [Fact]
    public void InAnonymous_TheFacilitatorSeesNoNames_OnlyTheNotesTheRoomWasShown_InAnOrderThatSaysNothing()
    {
        var room = Build(ConfidentialityMode.Anonymous);
        var clause = room.Dialogue.ClauseOf(room.Clause);

        var holdouts = Holdouts.Of(clause, room.Dialogue.Dialogue, Role.Facilitator);

        Assert.False(holdouts.Named);
        Assert.Empty(holdouts.People);
        // The notes are the last release's: sorted by their text, not by who wrote them or when.
        Assert.NotNull(clause.LastRelease);
        Assert.Equal(clause.LastRelease!.Notes, holdouts.Notes);
        Assert.Equal(holdouts.Notes.Order(StringComparer.Ordinal), holdouts.Notes);
        var json = DomainJson.Serialize(holdouts);
        Assert.All(["Ann", "Bo", "Di", room.Blocker.ToString(), room.Opposer.ToString()], name => Assert.DoesNotContain(name, json, StringComparison.Ordinal));
        // The count of stale positions is a count: it names no one.
        Assert.Equal(1, holdouts.Stale);
    }

    [Fact]
    public void AReleaseViewersNeeds_ComeFromTheReleasedFigures_NotTheLiveOnes()
    {
        var room = Build(ConfidentialityMode.Anonymous);
        var clause = room.Dialogue.ClauseOf(room.Clause);
        var released = Disclosure.Released(clause, room.Dialogue.Dialogue, new RosterIndex(room.Dialogue.Dialogue));

        var holdouts = Holdouts.Of(clause, room.Dialogue.Dialogue, Role.Facilitator);

        var expected = released.Dimensions.Where(d => d.CountsForConsensus)
            .SelectMany(d => d.Groups.Where(g => g.Members > 0 && !g.MeetsRule).Select(g => (d.Name, g.Group, g.Needed)))
            .ToArray();
        Assert.Equal(expected, holdouts.Needs.Select(n => (n.Dimension, n.Group, n.Needed)).ToArray());
        // The room last saw the United States before its last supporter spoke: it still needs 2 there,
        // where the live figures (a Chatham House chair's) say 1. The release viewer gets the room's 2.
        Assert.Contains((Region, UnitedStates, 2), expected);
        Assert.Contains(Holdouts.Of(clause, room.Dialogue.Dialogue with { Settings = room.Dialogue.Dialogue.Settings with { Confidentiality = ConfidentialityMode.Attributed } }, Role.Facilitator).Needs,
            n => n.Group == UnitedStates && n.Needed == 1);
    }

    [Fact]
    public void InChathamHouse_TheRapporteurIsAReleaseViewer_SoSheGetsNoNames()
    {
        // The rapporteur sees names only where the mode shows them to every role (ConsensusRedaction.SeesNames).
        var room = Build(ConfidentialityMode.ChathamHouse);

        var holdouts = Holdouts.Of(room.Dialogue.ClauseOf(room.Clause), room.Dialogue.Dialogue, Role.Rapporteur);

        Assert.False(holdouts.Named);
        Assert.Empty(holdouts.People);
    }

    [Fact]
    public void InAttributed_TheRapporteurSeesNames()
    {
        var room = Build(ConfidentialityMode.Attributed);

        var holdouts = Holdouts.Of(room.Dialogue.ClauseOf(room.Clause), room.Dialogue.Dialogue, Role.Rapporteur);

        Assert.True(holdouts.Named);
        Assert.Equal(["Di", "Bo", "Ann"], holdouts.People.Select(p => p.Name));
    }

    [Theory]
    [InlineData(Role.Facilitator, true)]
    [InlineData(Role.Convener, true)]
    [InlineData(Role.Rapporteur, true)]
    [InlineData(Role.Delegate, false)]
    [InlineData(Role.Observer, false)]
    public void OnlyTheChairsAndTheRapporteurMayViewHoldouts(Role role, bool may) => Assert.Equal(may, Holdouts.MayView(role));

    [Fact]
    public void TheStaleVoters_AreThoseWhosePositionIsOnAnOlderRevision_AndNoOneElse()
    {
        var room = Build(ConfidentialityMode.ChathamHouse);

        Assert.Equal(new[] { room.StaleSupporter }, Holdouts.StaleVoters(room.Dialogue.ClauseOf(room.Clause), room.Dialogue.Dialogue).ToArray());
    }

    private sealed class NeedComparer : IEqualityComparer<GroupNeed>
    {
        public static readonly NeedComparer Instance = new();

        public bool Equals(GroupNeed? x, GroupNeed? y) =>
            x is not null && y is not null && (x.Dimension, x.Group, x.Members, x.Needed) == (y.Dimension, y.Group, y.Members, y.Needed)
            && x.FoldedGroups.SequenceEqual(y.FoldedGroups);

        public int GetHashCode(GroupNeed obj) => HashCode.Combine(obj.Dimension, obj.Group);
    }
}

/// <summary>The reminder's rate limit: once a minute per clause, with a message that says when again.</summary>
public sealed class StaleReminderRateTests
{
    private static readonly DateTimeOffset Noon = new(2024, 9, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFirstReminderAndOneAMinuteLaterAreAllowed()
    {
        Assert.Null(StaleReminders.TooSoon(null, Noon));
        Assert.Null(StaleReminders.TooSoon(Noon, Noon.AddMinutes(1)));
    }

    [Fact]
    public void ASecondReminderWithinTheMinuteIsRefused_SayingWhenItMaySendAgain()
    {
        var refusal = StaleReminders.TooSoon(Noon, Noon.AddSeconds(20));

        Assert.Equal("reminder.too-soon", refusal?.Rule);
        Assert.Equal("This clause's delegates were reminded 20 s ago; you can remind them again in 40 s.", refusal?.Message);
    }
}
