using Deliberation.Client.Components;
using Deliberation.Client.Room;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Microsoft.AspNetCore.Components;

namespace Deliberation.Client.Tests;

/// <summary>The chair's "Remind N delegates" and the notice a reminded delegate sees (issue 11).</summary>
public sealed class StaleReminderTests : ComponentTest
{
    private static ClauseHoldouts WithStale(int stale) => new(Guid.NewGuid(), 2, Named: false, [], [], stale, []);

    [Fact]
    public void TheButtonCountsTheStale_AndTheAnswerIsACount()
    {
        var calls = 0;
        var cut = Render<HoldoutsPanel>(p => p
            .Add(x => x.Holdouts, WithStale(2))
            .Add(x => x.OnRemind, () => { calls++; return Task.FromResult(new ReminderOutcome(true, 2, null)); }));

        Assert.Equal("Remind 2 delegates", cut.Find("[data-testid='remind-stale']").TextContent.Trim());
        cut.Find("[data-testid='remind-stale']").Click();

        Assert.Equal(1, calls);
        Assert.Equal("Reminded 2 delegates.", cut.Find("[data-testid='remind-result']").TextContent);
        Assert.Equal("status", cut.Find("[data-testid='remind-result']").GetAttribute("role"));
    }

    [Fact]
    public void ARefusal_TooSoonForInstance_IsShownWithTheServersMessage()
    {
        var cut = Render<HoldoutsPanel>(p => p
            .Add(x => x.Holdouts, WithStale(1))
            .Add(x => x.OnRemind, () => Task.FromResult(new ReminderOutcome(false, 0,
                RuleError.Conflict("reminder.too-soon", "This clause's delegates were reminded 20 s ago; you can remind them again in 40 s.")))));

        Assert.Equal("Remind 1 delegate", cut.Find("[data-testid='remind-stale']").TextContent.Trim());
        cut.Find("[data-testid='remind-stale']").Click();

        Assert.Contains("again in 40 s", cut.Find("[data-testid='remind-result']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void WithNobodyStale_ThereIsNobodyToRemind()
    {
        var cut = Render<HoldoutsPanel>(p => p
            .Add(x => x.Holdouts, WithStale(0))
            .Add(x => x.OnRemind, () => Task.FromResult(new ReminderOutcome(true, 0, null))));

        Assert.True(cut.Find("[data-testid='remind-stale']").HasAttribute("disabled"));
    }

    [Fact]
    public void TheRemindedDelegateSeesWhichClauseChanged_AndCanGoToItOrDismissIt()
    {
        var clause = Guid.NewGuid();
        var reminder = new StaleReminderView(Guid.NewGuid(), Guid.NewGuid(), clause, 3, 2, DateTimeOffset.UnixEpoch);
        Guid? opened = null, dismissed = null;
        var cut = Render<ReminderNotices>(p => p
            .Add(x => x.Reminders, [reminder])
            .Add(x => x.OnOpen, EventCallback.Factory.Create<Guid>(this, id => opened = id))
            .Add(x => x.OnDismiss, EventCallback.Factory.Create<Guid>(this, id => dismissed = id)));

        Assert.StartsWith("The text of clause 3 changed since your position", cut.Find("[data-testid='stale-reminder']").TextContent.Trim(), StringComparison.Ordinal);
        cut.Find("[data-testid='stale-reminder-open']").Click();
        cut.Find("[data-testid='stale-reminder-dismiss']").Click();

        Assert.Equal(clause, opened);
        Assert.Equal(clause, dismissed);
    }

    [Fact]
    public void TheRoomKeepsTheNewestReminderPerClause_UntilDismissed()
    {
        var state = new RoomState(Guid.NewGuid());
        var clause = Guid.NewGuid();

        state.AddReminder(new StaleReminderView(state.DialogueId, Guid.NewGuid(), clause, 3, 2, DateTimeOffset.UnixEpoch));
        state.AddReminder(new StaleReminderView(state.DialogueId, Guid.NewGuid(), clause, 3, 3, DateTimeOffset.UnixEpoch.AddMinutes(2)));

        Assert.Equal(3, Assert.Single(state.Reminders).Revision);
        state.DismissReminder(clause);
        Assert.Empty(state.Reminders);
    }
}
