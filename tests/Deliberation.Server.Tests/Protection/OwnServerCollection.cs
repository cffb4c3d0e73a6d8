namespace Deliberation.Server.Tests.Protection;

/// <summary>
/// Tests that start an in-process server of their own (<see cref="AddressedServer"/>) with low limits:
/// run alone, after the others, so that starting servers does not slow the timing-sensitive tests beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnServerCollection
{
    public const string Name = "Own servers";
}
