namespace Deliberation.Persistence;

/// <summary>An import's pending scope was discarded under it (a node started meanwhile): the job fails and nothing is visible.</summary>
public sealed class ImportDiscardedException(string scope)
    : Exception($"The import writing scope '{scope}' was discarded before it finished.")
{
    public string Scope { get; } = scope;
}
