using Deliberation.Server.Realtime;
using Microsoft.Extensions.Configuration;

namespace Deliberation.Server.Tests.Realtime;

/// <summary>A quiet room is pushed after the shortest window; a big one no faster than the node's budget allows.</summary>
public sealed class PushBudgetTests
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(100, 10)]
    [InlineData(660, 10)]
    [InlineData(1_000, 15.15)]
    [InlineData(2_000, 30.30)]
    public void TheDefaultBudgetHoldsOnlyBigRooms(int connections, double milliseconds)
    {
        var budget = new PushBudget(new ConfigurationBuilder().Build());

        Assert.Equal(milliseconds, budget.Window(Shortest, connections).TotalMilliseconds, precision: 2);
    }

    [Fact]
    public void AConfiguredBudgetIsTheOneSpent()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Realtime:PushBudgetPerSecond"] = "50000" }).Build();

        Assert.Equal(40, new PushBudget(configuration).Window(Shortest, 2_000).TotalMilliseconds, precision: 2);
    }
}
