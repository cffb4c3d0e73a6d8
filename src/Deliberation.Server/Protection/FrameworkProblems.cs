using Deliberation.Server.Api;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Server.Protection;

/// <summary>
/// Gives a <c>rule</c> to the problems the framework writes by itself (routing's 404 and 405, a body
/// that does not bind, Kestrel's size limit), so every 4xx a client sees names what it broke
/// (docs/api.md, "Errors").
/// </summary>
public static class FrameworkProblems
{
    public static void AddRule(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("rule"))
            return;
        var rule = RuleFor(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Extensions["rule"] = rule;
        problem.Type = Problems.TypeOf(rule);
        // An exception's message may name internals; the client gets the status's own words.
        problem.Detail = null;
    }

    public static string RuleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "request.malformed",
        StatusCodes.Status401Unauthorized => "auth.required",
        StatusCodes.Status403Forbidden => "access.forbidden",
        StatusCodes.Status404NotFound => "route.not-found",
        StatusCodes.Status405MethodNotAllowed => "method.not-allowed",
        StatusCodes.Status408RequestTimeout => "request.timeout",
        StatusCodes.Status411LengthRequired => "request.length-required",
        StatusCodes.Status413PayloadTooLarge => RequestSizeLimit.Rule,
        StatusCodes.Status415UnsupportedMediaType => "request.unsupported-media-type",
        StatusCodes.Status429TooManyRequests => RateLimitRejection.Rule,
        >= 500 => "server.error",
        _ => "request.refused",
    };
}
