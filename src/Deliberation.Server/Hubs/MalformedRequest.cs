namespace Deliberation.Server.Hubs;

/// <summary>The answer to a hub command whose request is missing or lacks what it needs.</summary>
public static class MalformedRequest
{
    public static CommandOutcome Outcome { get; } =
        CommandOutcome.Refused("", 0, RuleError.Invalid("command.malformed", "The request is missing or malformed."));
}
