namespace Deliberation.Grains.Realtime;

/// <summary>
/// A reminder on its way from the dialogue grain to the nodes, for the delegates whose position on
/// the clause is stale (<see cref="Recipients"/>); each node hands it to those of them connected
/// through it. Ephemeral, never stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("Deliberation.StaleReminder")]
public sealed record StaleReminder(
    [property: Id(0)] Guid DialogueId,
    [property: Id(1)] Guid StatementId,
    [property: Id(2)] Guid ClauseId,
    [property: Id(3)] int ClauseNumber,
    [property: Id(4)] int Revision,
    [property: Id(5)] Guid[] Recipients,
    [property: Id(6)] DateTimeOffset At);

/// <summary>How many were reminded, or why not.</summary>
[GenerateSerializer, Immutable, Alias("Deliberation.StaleReminderAnswer")]
public sealed record StaleReminderAnswer([property: Id(0)] int Reminded, [property: Id(1)] Domain.RuleError? Refusal);
