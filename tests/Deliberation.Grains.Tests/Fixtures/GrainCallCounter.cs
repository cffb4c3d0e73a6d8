using System.Collections.Concurrent;

namespace Deliberation.Grains.Tests.Fixtures;

/// <summary>
/// Counts the calls each grain receives, by interface and method ("IDialogueGrain.GetStateAsync"),
/// on every silo of the test cluster: an incoming call filter sees client calls, grain-to-grain calls
/// and one-way calls alike. Tests share the cluster, so a test reads only the calls to its own grains.
/// </summary>
public sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentQueue<(Guid Grain, string Call)> calls = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.DeclaringType is { } grainInterface
            && grainInterface.Namespace?.StartsWith("Deliberation", StringComparison.Ordinal) == true
            && context.TargetId.TryGetGuidKey(out var grain, out _))
            calls.Enqueue((grain, $"{grainInterface.Name}.{context.InterfaceMethod.Name}"));
        await context.Invoke();
    }

    /// <summary>Where counting starts for what a test does next.</summary>
    public int Mark() => calls.Count;

    /// <summary>The calls since <paramref name="mark"/> to the grains keyed by <paramref name="keys"/>, counted by call.</summary>
    public IReadOnlyDictionary<string, int> Since(int mark, params Guid[] keys)
    {
        var wanted = keys.ToHashSet();
        return calls.Skip(mark)
            .Where(c => wanted.Contains(c.Grain))
            .GroupBy(c => c.Call)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// One-way calls (a publish) arrive after the command that sent them has answered: waits until
    /// the calls since <paramref name="mark"/> stop growing, so a count is final when read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> SettledSinceAsync(int mark, params Guid[] keys)
    {
        var seen = -1;
        while (calls.Count != seen)
        {
            seen = calls.Count;
            // Real time, not the grains' fake clock: this waits on messages between silos.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
        return Since(mark, keys);
    }
}
