namespace Deliberation.Grains.Tests.Fixtures;

/// <summary>
/// Holds the calls grains send to chosen grains until the test lets them go: a message slow on its
/// way, so a test can decide what state its target is in when it arrives. An outgoing call filter
/// on every silo of the test cluster, so the tests' own calls from the client pass; closed to no
/// grain, it passes every call straight on.
/// </summary>
public sealed class CallGate : IOutgoingGrainCallFilter
{
    private volatile Hold? closed;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (closed is { } hold && context.SourceId is not null
            && context.TargetId.TryGetGuidKey(out var target, out _) && hold.Targets.Contains(target))
        {
            hold.Caught(context);
            await hold.Opened.Task;
        }
        await context.Invoke();
    }

    /// <summary>Holds the calls grains send to the grains keyed by <paramref name="targets"/> until the hold is disposed.</summary>
    public Hold Close(params Guid[] targets)
    {
        var hold = new Hold(this, [.. targets]);
        Assert.Null(Interlocked.CompareExchange(ref closed, hold, null));
        return hold;
    }

    public sealed class Hold(CallGate gate, HashSet<Guid> targets) : IDisposable
    {
        private readonly List<string> held = [];

        internal HashSet<Guid> Targets { get; } = targets;
        internal TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The calls held so far, as "IDialogueGrain.GetStateAsync".</summary>
        public IReadOnlyList<string> Held
        {
            get
            {
                lock (held)
                    return [.. held];
            }
        }

        internal void Caught(IOutgoingGrainCallContext context)
        {
            lock (held)
                held.Add($"{context.InterfaceMethod?.DeclaringType?.Name}.{context.InterfaceMethod?.Name}");
        }

        /// <summary>Lets the held calls, and every later one, go.</summary>
        public void Dispose()
        {
            Interlocked.CompareExchange(ref gate.closed, null, this);
            Opened.TrySetResult();
        }
    }
}
