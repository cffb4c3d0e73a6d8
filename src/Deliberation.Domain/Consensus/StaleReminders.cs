namespace Deliberation.Domain.Consensus;

/// <summary>
/// The chair's "Remind N delegates" (docs/consensus.md, "Holdouts"): a push to the voters whose
/// position on a clause is stale (<see cref="Holdouts.StaleVoters"/>), naming the clause, and to
/// nobody else. Not a command: nothing is stored, so its rules live here and the dialogue grain,
/// which fans it out, applies them.
/// </summary>
public static class StaleReminders
{
    /// <summary>A clause's delegates are reminded at most once a minute: a reminder is a nudge, not a siren.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    public static RuleError NotAllowed => RuleError.Forbidden("holdouts.not-allowed",
        "Only the facilitator, the convener and the rapporteur remind delegates whose positions are stale.");

    public static RuleError NobodyStale => RuleError.Conflict("reminder.nobody-stale",
        "No one's position on this clause is on an older text: there is nobody to remind.");

    /// <summary>The refusal when the clause's delegates were reminded less than <see cref="MinimumInterval"/> ago, else null.</summary>
    public static RuleError? TooSoon(DateTimeOffset? lastReminded, DateTimeOffset now)
    {
        if (lastReminded is not { } last || now - last >= MinimumInterval)
            return null;
        var ago = (int)Math.Floor((now - last).TotalSeconds);
        var wait = (int)Math.Ceiling((MinimumInterval - (now - last)).TotalSeconds);
        return RuleError.Conflict("reminder.too-soon",
            $"This clause's delegates were reminded {ago} s ago; you can remind them again in {wait} s.");
    }
}
