namespace Deliberation.Domain;

/// <summary>
/// The answer to every command (docs/api.md): accepted with the stream version its events reached,
/// or the rule it broke. Accepted means durable: the events were committed before this was sent.
/// </summary>
public sealed record CommandOutcome(bool Accepted, string StreamId, long Version, RuleError? Error)
{
    public static CommandOutcome Ok(string streamId, long version) => new(true, streamId, version, null);

    public static CommandOutcome Refused(string streamId, long version, RuleError error) => new(false, streamId, version, error);
}
