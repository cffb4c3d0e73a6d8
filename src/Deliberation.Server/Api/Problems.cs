using Microsoft.AspNetCore.Http.HttpResults;

namespace Deliberation.Server.Api;

/// <summary>RFC 9457 problem details carrying the broken rule's name, so clients can switch on it.</summary>
public static class Problems
{
    public static ProblemHttpResult From(RuleError error) => TypedResults.Problem(
        statusCode: StatusOf(error.Kind),
        title: error.Message,
        detail: error.Message,
        type: $"https://deliberation.dev/rules/{error.Rule}",
        extensions: new Dictionary<string, object?> { ["rule"] = error.Rule });

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
