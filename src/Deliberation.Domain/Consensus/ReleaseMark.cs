namespace Deliberation.Domain.Consensus;

/// <summary>
/// What a release viewer's figures of a clause depend on (<see cref="Disclosure.MarkOf"/>): equal marks,
/// equal figures shown. <paramref name="Basis"/> is the dialogue's consensus basis before the first
/// release (the silent figures follow the roster and rules) and -1 after it (a release's figures do not).
/// </summary>
public readonly record struct ReleaseMark(long ReleaseVersion, bool ChangesPending, ClauseStatus Status, long Basis)
{
    /// <summary>
    /// Whether this mark shows the very release <paramref name="before"/> showed, only "changes pending"
    /// differing: its figures are that release's, already sent. Before a first release the figures are
    /// the silent room's, computed from the clause as it is now, so they are never assumed unchanged.
    /// </summary>
    public bool ShowsTheSameReleaseAs(ReleaseMark before) => ReleaseVersion > 0 && this with { ChangesPending = before.ChangesPending } == before;
}
