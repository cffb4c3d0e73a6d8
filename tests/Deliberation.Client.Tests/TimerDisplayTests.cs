using Deliberation.Client.Components;
using Deliberation.Domain.Dialogues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Deliberation.Client.Tests;

/// <summary>"Time is up" is an alarm for a minute, not a banner forever (issue 11).</summary>
public sealed class TimerDisplayTests : ComponentTest
{
    [Fact]
    public void TimeIsUpShowsForAMinutePastZeroThenTheTimerDisappears()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        Services.AddSingleton<TimeProvider>(clock);
        var timer = new SessionTimer("Clause 3", clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(5));
        var cut = Render<TimerDisplay>(p => p.Add(x => x.Timer, timer));
        Assert.Contains("5:00", cut.Find("[data-testid='timer']").TextContent);

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(30));
        cut.Render(p => p.Add(x => x.Timer, timer));
        Assert.Contains("time is up", cut.Find("[data-testid='timer']").TextContent);

        clock.Advance(TimeSpan.FromSeconds(31));
        cut.Render(p => p.Add(x => x.Timer, timer));
        Assert.Empty(cut.FindAll("[data-testid='timer']"));
    }
}
