namespace Deliberation.Persistence.Rows;

/// <summary>
/// A dialogue's scope whose events an import is still writing (docs/architecture.md, "Imports: a job,
/// staged, made visible in one step"): while the row exists, every read of the store skips the scope;
/// deleting it is the import's one-row commit.
/// </summary>
internal sealed class PendingImportRow
{
    public string Scope { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
}
