namespace Deliberation.Domain.Consensus;

/// <summary>
/// What a release viewer's figures of a clause depend on (<see cref="Disclosure.MarkOf"/>): equal marks,
/// equal figures shown. <paramref name="Basis"/> is the dialogue's consensus basis before the first
/// release (the silent figures follow the roster and rules) and -1 after it (a release's figures do not).
/// </summary>
public readonly record struct ReleaseMark(long ReleaseVersion, bool ChangesPending, ClauseStatus Status, long Basis);
