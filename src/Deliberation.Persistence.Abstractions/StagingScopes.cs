namespace Deliberation.Persistence;

/// <summary>The scopes an import's events are staged under: never a dialogue's id, so no dialogue lists them.</summary>
public static class StagingScopes
{
    public const string Prefix = "import:";

    public static string Of(Guid jobId) => $"{Prefix}{jobId:N}";
}
