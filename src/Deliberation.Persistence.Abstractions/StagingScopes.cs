namespace Deliberation.Persistence;

/// <summary>
/// The scopes imports were staged under before a pending mark replaced them (docs/architecture.md,
/// "Imports"): never a dialogue's id. A database from then may still hold an unfinished one, which the
/// start discards with the pending scopes.
/// </summary>
public static class StagingScopes
{
    public const string Prefix = "import:";
}
