using Deliberation.Domain.Dialogues;
using Deliberation.Domain.Tests.Fixtures;

namespace Deliberation.Domain.Tests;

/// <summary>The agenda a chair runs the meeting by: items edited, reordered, taken up one after another (issue 11).</summary>
public sealed class AgendaTests
{
    private readonly DialogueBuilder dialogue = new();

    private AgendaItem Add(string title, int? minutes = 20, Guid? statementId = null, Guid? clauseId = null)
    {
        var item = new AgendaItem(dialogue.NewId(), title, minutes, statementId, clauseId);
        dialogue.Must(new AddAgendaItem(item), dialogue.Facilitator);
        return item;
    }

    private string[] Titles => [.. dialogue.Dialogue.Agenda.Select(i => i.Title)];

    [Fact]
    public void AnItemIsChangedInItsPlace()
    {
        var first = Add("Opening");
        Add("Red lines");
        dialogue.Must(new ChangeAgendaItem(first with { Title = "  Welcome  ", Minutes = 10 }), dialogue.Facilitator);
        Assert.Equal(["Welcome", "Red lines"], Titles);
        Assert.Equal(10, dialogue.Dialogue.Agenda[0].Minutes);
    }

    [Fact]
    public void ChangingAnItemThatIsNotThereIsNotFound() =>
        Assert.Equal("agenda.item-not-found",
            dialogue.Refused(new ChangeAgendaItem(new AgendaItem(Guid.NewGuid(), "Ghost", 5, null, null)), dialogue.Facilitator).Rule);

    [Theory]
    [InlineData("", 20, "title.required")]
    [InlineData("   ", 20, "title.required")]
    [InlineData("Red lines", 0, "agenda.minutes-out-of-range")]
    [InlineData("Red lines", 481, "agenda.minutes-out-of-range")]
    public void AnItemNeedsATitleAndOneToFourHundredEightyMinutes(string title, int minutes, string rule)
    {
        var item = Add("Opening");
        Assert.Equal(rule, dialogue.Refused(new AddAgendaItem(new AgendaItem(Guid.NewGuid(), title, minutes, null, null)), dialogue.Facilitator).Rule);
        Assert.Equal(rule, dialogue.Refused(new ChangeAgendaItem(item with { Title = title, Minutes = minutes }), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void EightHoursIsTheLongestItem()
    {
        Add("All day", Limits.AgendaItemMinutes);
        Assert.Equal(480, dialogue.Dialogue.Agenda[0].Minutes);
    }

    [Fact]
    public void AClauseIsNamedWithItsStatement()
    {
        var error = dialogue.Refused(new AddAgendaItem(new AgendaItem(Guid.NewGuid(), "Clause 3", 10, null, Guid.NewGuid())), dialogue.Facilitator);
        Assert.Equal("agenda.clause-without-statement", error.Rule);
    }

    [Fact]
    public void AnItemMovesToTheNamedPlace()
    {
        var opening = Add("Opening");
        Add("Red lines");
        var funding = Add("Funding");
        dialogue.Must(new MoveAgendaItem(funding.Id, 0), dialogue.Facilitator);
        Assert.Equal(["Funding", "Opening", "Red lines"], Titles);
        dialogue.Must(new MoveAgendaItem(opening.Id, 2), dialogue.Facilitator);
        Assert.Equal(["Funding", "Red lines", "Opening"], Titles);

        Assert.Equal("agenda.position-out-of-range", dialogue.Refused(new MoveAgendaItem(opening.Id, 3), dialogue.Facilitator).Rule);
        Assert.Equal("agenda.position-out-of-range", dialogue.Refused(new MoveAgendaItem(opening.Id, -1), dialogue.Facilitator).Rule);
        Assert.Equal("agenda.item-unmoved", dialogue.Refused(new MoveAgendaItem(opening.Id, 2), dialogue.Facilitator).Rule);
    }

    [Theory]
    [InlineData(Role.Delegate)]
    [InlineData(Role.Rapporteur)]
    public void OnlyTheChairRunsTheAgenda(Role role)
    {
        var item = Add("Opening");
        var member = dialogue.AddMember(role);
        Assert.Equal("role.not-facilitator", dialogue.Refused(new ChangeAgendaItem(item with { Title = "Mine" }), member).Rule);
        Assert.Equal("role.not-facilitator", dialogue.Refused(new MoveAgendaItem(item.Id, 0), member).Rule);
        Assert.Equal("role.not-facilitator", dialogue.Refused(new SetCurrentAgendaItem(item.Id), member).Rule);
    }

    [Fact]
    public void TakingUpAnItemRecordsWhenItStarted()
    {
        var opening = Add("Opening");
        var redLines = Add("Red lines");
        Assert.Null(dialogue.Dialogue.CurrentAgendaItem);

        var startedAt = dialogue.Now;
        dialogue.Must(new SetCurrentAgendaItem(opening.Id), dialogue.Facilitator);
        Assert.Equal(new CurrentAgendaItem(opening.Id, startedAt), dialogue.Dialogue.CurrentAgendaItem);

        var next = dialogue.Now;
        dialogue.Must(new SetCurrentAgendaItem(redLines.Id), dialogue.Facilitator);
        Assert.Equal(new CurrentAgendaItem(redLines.Id, next), dialogue.Dialogue.CurrentAgendaItem);

        dialogue.Must(new SetCurrentAgendaItem(null), dialogue.Facilitator);
        Assert.Null(dialogue.Dialogue.CurrentAgendaItem);
        Assert.Equal("agenda.no-current-item", dialogue.Refused(new SetCurrentAgendaItem(null), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void TakingUpTheCurrentItemAgainDoesNotRestartItsClock()
    {
        var opening = Add("Opening");
        dialogue.Must(new SetCurrentAgendaItem(opening.Id), dialogue.Facilitator);
        var started = dialogue.Dialogue.CurrentAgendaItem;
        Assert.Equal("agenda.already-current", dialogue.Refused(new SetCurrentAgendaItem(opening.Id), dialogue.Facilitator).Rule);
        Assert.Equal(started, dialogue.Dialogue.CurrentAgendaItem);
        Assert.Equal("agenda.item-not-found", dialogue.Refused(new SetCurrentAgendaItem(Guid.NewGuid()), dialogue.Facilitator).Rule);
    }

    [Fact]
    public void TakingUpAnItemAboutAClausePutsTheClauseOnTheFloor()
    {
        var clause = dialogue.Clause("Autonomous replication.", ClauseKind.RedLine);
        var item = Add("Red lines", 30, dialogue.StatementId, clause);
        var events = dialogue.Must(new SetCurrentAgendaItem(item.Id), dialogue.Facilitator);
        Assert.Contains(new FocusSet(new Focus(dialogue.StatementId, clause)), events);
        Assert.Equal(new Focus(dialogue.StatementId, clause), dialogue.Dialogue.Focus);
    }

    [Fact]
    public void RemovingTheCurrentItemLeavesNoneCurrent()
    {
        var opening = Add("Opening");
        var other = Add("Red lines");
        dialogue.Must(new SetCurrentAgendaItem(other.Id), dialogue.Facilitator);
        dialogue.Must(new RemoveAgendaItem(opening.Id), dialogue.Facilitator);
        Assert.Equal(other.Id, dialogue.Dialogue.CurrentAgendaItem?.ItemId);
        dialogue.Must(new RemoveAgendaItem(other.Id), dialogue.Facilitator);
        Assert.Null(dialogue.Dialogue.CurrentAgendaItem);
    }

    [Fact]
    public void TheCurrentItemSurvivesAChangeOfPhase()
    {
        // An agenda item often spans the move from Deliberation to Drafting; unlike a timer it is not tied to a phase.
        var item = Add("Red lines");
        dialogue.Must(new SetCurrentAgendaItem(item.Id), dialogue.Facilitator);
        dialogue.InPhase(Phase.Drafting);
        Assert.Equal(item.Id, dialogue.Dialogue.CurrentAgendaItem?.ItemId);
    }
}
