using Deliberation.Domain;

namespace Deliberation.Server.Review;

/// <summary>A review's answer, or the rule the question broke (an unknown moment or clause, moments out of order).</summary>
public sealed record ReviewAnswer<T>(T? Value, RuleError? Error)
    where T : class
{
    public static implicit operator ReviewAnswer<T>(T value) => new(value, null);

    public static implicit operator ReviewAnswer<T>(RuleError error) => new(null, error);
}
