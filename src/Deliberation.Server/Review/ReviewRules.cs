using Deliberation.Contracts.Review;
using Deliberation.Domain;

namespace Deliberation.Server.Review;

/// <summary>The review's refusals, one rule code each (docs/api.md, "Review").</summary>
public static class ReviewRules
{
    public static RuleError UnknownMoment(long moment) => RuleError.NotFound("review.unknown-moment",
        $"There is no moment {moment} in this dialogue's history that you may see; the timeline lists the moments.");

    public static readonly RuleError NoMoments = RuleError.NotFound("review.no-moments", "The dialogue has no history you may see yet.");

    public static readonly RuleError UnknownClause = RuleError.NotFound("review.unknown-clause", "The statement has no such clause.");

    public static readonly RuleError UnknownStatement = RuleError.NotFound("statement.not-found", "The dialogue has no such statement.");

    public static readonly RuleError CompareOrder = RuleError.Invalid("review.compare-order", "'from' must not be after 'to'.");

    public static RuleError UnknownKind(string kind) => RuleError.Invalid("review.unknown-kind",
        $"'{kind}' is not a kind of moment; the kinds are {string.Join(", ", ReviewKinds.All)}.");

    public static readonly RuleError UnknownFormat = RuleError.Invalid("review.unknown-format", "The history report comes as html or pdf.");
}
