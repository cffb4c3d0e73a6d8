using System.Diagnostics;
using Deliberation.Domain;
using Deliberation.Domain.Consensus;
using Deliberation.Domain.Statements;

namespace Deliberation.Benchmarks.Engine;

/// <summary>
/// <c>dotnet run -c Release -- compute [runs]</c>: times <c>ConsensusCalculator.Compute</c> and
/// <c>ConsensusTracker.Start</c> on <see cref="EngineScenario"/>'s statement, replayed and read back
/// from JSON, and prints the fastest and the median run with the load average. On a machine others
/// share, the fastest run is the figure closest to the code's own cost.
/// </summary>
public static class ComputeTimer
{
    public static int Run(int runs)
    {
        var scenario = EngineScenario.Build();
        var loaded = DomainJson.Deserialize<StatementState>(DomainJson.Serialize(scenario.Statement));
        Time("Compute, replayed statement", runs, () => ConsensusCalculator.Compute(scenario.Dialogue, scenario.Statement));
        Time("Compute, statement from JSON", runs, () => ConsensusCalculator.Compute(scenario.Dialogue, loaded));
        Time("Tracker start, replayed statement", runs, () => ConsensusTracker.Start(scenario.Dialogue, scenario.Statement));
        Time("Tracker start, statement from JSON", runs, () => ConsensusTracker.Start(scenario.Dialogue, loaded));
        return 0;
    }

    private static void Time(string name, int runs, Func<object> action)
    {
        for (var i = 0; i < 40; i++)
            action(); // warm-up: past tiered compilation's 30 calls, so the optimised code is what is timed
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var wall = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times.Add(wall.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name}: fastest {times[0]:N1} ms, median {times[times.Count / 2]:N1} ms over {runs} runs; loadavg {File.ReadAllText("/proc/loadavg").Trim()}");
    }
}
