using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

/// <summary>RFC 9457 problem details carrying the broken rule's name, so clients can switch on it.</summary>
public static class Problems
{
    public static ProblemHttpResult From(RuleError error) => WithStatus(StatusOf(error.Kind), error.Rule, error.Message);

    /// <summary>A refusal whose status no domain <see cref="ErrorKind"/> names: limits (413, 429) and the edge's own checks.</summary>
    public static ProblemHttpResult WithStatus(int status, string rule, string message) => TypedResults.Problem(
        statusCode: status,
        title: message,
        detail: message,
        type: TypeOf(rule),
        extensions: new Dictionary<string, object?> { ["rule"] = rule });

    /// <summary>Where a rule is explained; the problem's <c>type</c>.</summary>
    public static string TypeOf(string rule) => $"https://deliberation.dev/rules/{rule}";

    public static ProblemHttpResult Invalid(string rule, string message) => From(RuleError.Invalid(rule, message));

    public static ProblemHttpResult NotFound(string rule, string message) => From(RuleError.NotFound(rule, message));

    public static ProblemHttpResult Forbidden(string rule, string message) => From(RuleError.Forbidden(rule, message));

    public static ProblemHttpResult Unauthenticated() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "Sign in with your invite link first.",
        extensions: new Dictionary<string, object?> { ["rule"] = "auth.required" });

    /// <summary>The outcome as the wire contract's JSON, with a problem status when refused.</summary>
    public static OutcomeHttpResult Outcome(CommandOutcome outcome) => new(outcome);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
