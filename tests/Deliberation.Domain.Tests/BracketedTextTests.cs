using Deliberation.Domain.Statements;
using Deliberation.Domain.Tests.Fixtures;
using static Deliberation.Domain.Tests.Fixtures.DialogueBuilder;

namespace Deliberation.Domain.Tests;

/// <summary>Bracketed alternatives: parsing, positions per option, adding and resolving options.</summary>
public sealed class BracketedTextTests
{
    private const string Floor = "leading developers should spend [at least one third | at least 20%] of AI R&D on safety";

    [Fact]
    public void SlotWithTwoOptionsIsParsedBetweenLiterals()
    {
        var text = BracketedText.Parse(Floor);

        Assert.Equal(3, text.Parts.Length);
        Assert.Equal(new LiteralPart("leading developers should spend "), text.Parts[0]);
        var slot = Assert.IsType<SlotPart>(text.Parts[1]);
        Assert.Equal(1, slot.Number);
        Assert.Equal([new SlotOption("1.1", "at least one third"), new SlotOption("1.2", "at least 20%")], slot.Options.ToArray());
        Assert.Equal(new LiteralPart(" of AI R&D on safety"), text.Parts[2]);
        Assert.True(text.HasSlots);
    }

    [Fact]
    public void BracketsWithoutABarAreLiteralText()
    {
        var text = BracketedText.Parse("The developers [sic] agreed.");
        Assert.False(text.HasSlots);
        Assert.Equal([new LiteralPart("The developers [sic] agreed.")], text.Parts.ToArray());
    }

    [Fact]
    public void OptionIdsAreSlotDotOption()
    {
        var text = BracketedText.Parse("[a | b] then [sic] then [x | y | z]");

        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "2.3"], text.Slots.SelectMany(s => s.Options).Select(o => o.Id));
        Assert.Equal("z", text.Option("2.3")?.Text);
        Assert.Equal(2, text.SlotOf("2.1")?.Number);
        Assert.Null(text.Option("3.1"));
    }

    [Fact]
    public void OptionsAreTrimmedAndRenderedWithSpacedBars()
    {
        var text = BracketedText.Parse("spend [10%|20%] now");
        Assert.Equal("spend [10% | 20%] now", text.Render());
        Assert.Equal(Floor, BracketedText.Parse(Floor).Render());
    }

    [Fact]
    public void AnUnclosedBracketIsLiteral() =>
        Assert.False(BracketedText.Parse("an [open | bracket").HasSlots);

    [Fact]
    public void ResolvingReplacesOnlyTheChosenSlot()
    {
        var text = BracketedText.Parse("[a | b] and [c | d]");
        Assert.Equal("b and [c | d]", text.Resolve("1.2"));
        Assert.Equal("[a | b] and c", text.Resolve("2.1"));
    }

    [Fact]
    public void CleanPreviewShowsEachSlotsFirstOption() =>
        Assert.Equal("leading developers should spend at least one third of AI R&D on safety", BracketedText.Parse(Floor).FirstOptions());

    [Fact]
    public void AnEmptyOptionIsRefused()
    {
        var dialogue = new DialogueBuilder();
        var error = dialogue.Refused(new ProposeClause(Guid.NewGuid(), ClauseKind.FundingFloor, "spend [one third | ] on safety"), dialogue.Facilitator);
        Assert.Equal("alternative.empty", error.Rule);
    }

    [Fact]
    public void ASlotHoldsAtMostTenOptions()
    {
        var dialogue = new DialogueBuilder();
        var text = "spend [" + string.Join(" | ", Enumerable.Range(1, 11).Select(i => $"{i}%")) + "] on safety";
        Assert.Equal("alternative.too-many", dialogue.Refused(new ProposeClause(Guid.NewGuid(), ClauseKind.Other, text), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void DelegatesTakePositionsPerOption()
    {
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(3, China);
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support, "1.1");
        dialogue.Take(china[..1], clause, PositionKind.Support, "1.2");
        dialogue.Take(china[1..], clause, PositionKind.Oppose, "1.2");

        var consensus = dialogue.ConsensusOf(clause);
        Assert.Equal(["1.1", "1.2"], consensus.Options.Select(o => o.OptionId));
        Assert.Equal(ClauseStatus.Agreed, consensus.Options[0].Status);
        Assert.Equal(ClauseStatus.NearConsensus, consensus.Options[1].Status); // one opponent moving gives 2/3
        Assert.Equal(1.0 / 3.0, consensus.Options[1].Dimensions.Single(d => d.Name == Region).Groups.Single(g => g.Group == China).Share);
        // The clause as a whole has no positions yet.
        Assert.Equal(ClauseStatus.Pending, consensus.Status);
        Assert.Equal(3, dialogue.ClauseOf(clause).PositionsOn("1.1").Count);
        Assert.Empty(dialogue.ClauseOf(clause).Positions);
    }

    [Fact]
    public void PositionOnAnOptionTheClauseDoesNotHaveIsNotFound()
    {
        var dialogue = new DialogueBuilder();
        var delegateId = dialogue.AddMember(region: China);
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);

        var error = dialogue.Refused(new TakePosition(clause, 1, PositionKind.Support, null, "1.3"), delegateId);
        Assert.Equal(("alternative.not-found", ErrorKind.NotFound), (error.Rule, error.Kind));
    }

    [Fact]
    public void ResolvingAnAlternativeProducesCleanTextAndANewRevision()
    {
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(3, China);
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support);
        dialogue.InPhase(Phase.Drafting);

        var events = dialogue.Must(new ResolveAlternative(clause, "1.2"), dialogue.Facilitator);

        var revised = Assert.IsType<ClauseRevised>(Assert.Single(events));
        Assert.Equal(("1.2", 2, RevisionSource.Resolution, RevisionKind.Substantive), (revised.ResolvedOptionId, revised.Revision, revised.Source, revised.Kind));
        var state = dialogue.ClauseOf(clause);
        Assert.Equal("leading developers should spend at least 20% of AI R&D on safety", state.Text);
        Assert.False(state.Bracketed.HasSlots);
        Assert.Equal(2, state.CurrentRevision);
        Assert.Empty(dialogue.ConsensusOf(clause).Options);
        // Resolving is substantive by default: positions on the bracketed text must be given again.
        Assert.Equal(3, dialogue.Group(clause, Region, China).Stale);
    }

    [Fact]
    public void ResolvingOneOfTwoSlotsLeavesTheOtherOpen()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause("Developers should [register | license] models above [a compute | a capability] threshold.", ClauseKind.GovernanceProposal);
        dialogue.InPhase(Phase.Drafting);
        dialogue.Must(new ResolveAlternative(clause, "2.2", RevisionKind.Editorial, "Agreed in session"), dialogue.Facilitator);

        var state = dialogue.ClauseOf(clause);
        Assert.Equal("Developers should [register | license] models above a capability threshold.", state.Text);
        Assert.Equal("Agreed in session", state.Current.Rationale);
        Assert.Equal(["1.1", "1.2"], state.Bracketed.Slots.SelectMany(s => s.Options).Select(o => o.Id));
    }

    [Fact]
    public void AnEditorialResolutionCarriesThePositionsOnTheChosenOptionOverToTheClause()
    {
        // Resolving used to leave the clause with no positions: the room had to say it all again (issue 11).
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(3, China);
        var clause = dialogue.Clause(Floor, ClauseKind.Principle);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support, "1.2");
        dialogue.Take(china[..1], clause, PositionKind.Oppose, "1.1");
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));

        dialogue.InPhase(Phase.Drafting);
        dialogue.Must(new ResolveAlternative(clause, "1.2", RevisionKind.Editorial), dialogue.Facilitator);

        Assert.Equal(3, dialogue.ClauseOf(clause).Positions.Count);
        Assert.All(dialogue.ClauseOf(clause).Positions.Values, p => Assert.Equal(PositionKind.Support, p.Kind));
        Assert.Equal(ClauseStatus.Agreed, dialogue.StatusOf(clause));
    }

    [Fact]
    public void ASubstantiveResolutionCarriesNoPositionsOver()
    {
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(3, China);
        var clause = dialogue.Clause(Floor, ClauseKind.Principle);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support, "1.2");

        dialogue.InPhase(Phase.Drafting);
        dialogue.Must(new ResolveAlternative(clause, "1.2"), dialogue.Facilitator);

        Assert.Empty(dialogue.ClauseOf(clause).Positions);
        Assert.Equal(ClauseStatus.Pending, dialogue.StatusOf(clause));
    }

    [Fact]
    public void OnlyTheFacilitatorResolvesAlternatives()
    {
        var dialogue = new DialogueBuilder();
        var rapporteur = dialogue.AddMember(Role.Rapporteur);
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);

        var error = dialogue.Refused(new ResolveAlternative(clause, "1.1"), rapporteur);
        Assert.Equal(("role.not-facilitator", ErrorKind.Forbidden), (error.Rule, error.Kind));
    }

    [Fact]
    public void AlternativesAreResolvedWhileDraftingOrAtTheFinalReading()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
        Assert.Equal("phase.not-allowed", dialogue.Refused(new ResolveAlternative(clause, "1.1"), dialogue.Facilitator).Rule);
        dialogue.InPhase(Phase.FinalReading);
        dialogue.Must(new ResolveAlternative(clause, "1.1"), dialogue.Facilitator);
    }

    [Fact]
    public void ResolvingAnUnknownOptionIsNotFound()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);
        Assert.Equal("alternative.not-found", dialogue.Refused(new ResolveAlternative(clause, "2.1"), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void AddingAnAlternativeToASlotAppendsItAndKeepsPositionsOnTheOthers()
    {
        var dialogue = new DialogueBuilder();
        var china = dialogue.AddDelegates(3, China);
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);
        dialogue.Take(china, clause, PositionKind.Support, "1.2");

        var revised = Assert.IsType<ClauseRevised>(Assert.Single(dialogue.Must(new AddAlternative(clause, 1, 1, null, "10% to 20%"), china[0])));

        Assert.Equal((RevisionKind.Editorial, RevisionSource.Alternative), (revised.Kind, revised.Source));
        var state = dialogue.ClauseOf(clause);
        Assert.Equal("leading developers should spend [at least one third | at least 20% | 10% to 20%] of AI R&D on safety", state.Text);
        Assert.Equal("10% to 20%", state.Bracketed.Option("1.3")?.Text);
        var option = dialogue.ConsensusOf(clause).Options.Single(o => o.OptionId == "1.2");
        Assert.Equal(ClauseStatus.Agreed, option.Status);
    }

    [Fact]
    public void AddingAnAlternativeAroundAPhraseBracketsIt()
    {
        var dialogue = new DialogueBuilder();
        var delegateId = dialogue.AddMember(region: Europe);
        var clause = dialogue.Clause("leading developers should spend at least one third of AI R&D on safety", ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Deliberation);

        var revised = Assert.IsType<ClauseRevised>(Assert.Single(dialogue.Must(new AddAlternative(clause, 1, null, "at least one third", "at least 20%"), delegateId)));

        Assert.Equal(RevisionKind.Substantive, revised.Kind);
        Assert.Equal(Floor, dialogue.ClauseOf(clause).Text);
        Assert.Equal(["1.1", "1.2"], dialogue.ClauseOf(clause).Bracketed.Slots.Single().Options.Select(o => o.Id));
    }

    [Fact]
    public void AddingAnAlternativeToAPhraseOutsideTheTextIsNotFound()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);

        Assert.Equal("alternative.phrase-not-found", dialogue.Refused(new AddAlternative(clause, 1, null, "at least half", "most"), dialogue.Facilitator).Rule);
        // A phrase inside a bracket cannot be bracketed again.
        Assert.Equal("alternative.phrase-not-found", dialogue.Refused(new AddAlternative(clause, 1, null, "one third", "half"), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void AddingAnAlternativeToAMissingSlotIsNotFound()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);
        var error = dialogue.Refused(new AddAlternative(clause, 1, 2, null, "half"), dialogue.Facilitator);
        Assert.Equal(("alternative.slot-not-found", ErrorKind.NotFound), (error.Rule, error.Kind));
    }

    [Fact]
    public void AddingAnOptionTheSlotHasIsAConflict()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);
        Assert.Equal("alternative.exists", dialogue.Refused(new AddAlternative(clause, 1, 1, null, "at least 20%"), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void AnOptionCannotContainBracketSyntax()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);
        Assert.Equal("alternative.bad-characters", dialogue.Refused(new AddAlternative(clause, 1, 1, null, "10% | 20%"), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void AddingAnAlternativeOnAStaleBaseIsAConflict()
    {
        var dialogue = new DialogueBuilder();
        var clause = dialogue.Clause(Floor, ClauseKind.FundingFloor);
        dialogue.InPhase(Phase.Drafting);
        dialogue.Revise(clause, Floor + ".", RevisionKind.Editorial);
        var error = dialogue.Refused(new AddAlternative(clause, 1, 1, null, "half"), dialogue.Facilitator);
        Assert.Equal(("revision.stale-base", ErrorKind.Conflict), (error.Rule, error.Kind));
    }
}
