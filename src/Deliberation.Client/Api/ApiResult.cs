using System.Net;
using Deliberation.Domain;

namespace Deliberation.Client.Api;

/// <summary>
/// What came back from a call: a value, or the problem the server named (its rule and message), or
/// a failure to reach it at all. Pages switch on <see cref="Status"/> to show a clear state.
/// </summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    public static ApiResult<T> Success(T value) => new(value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(default, problem);
}

/// <summary>A refusal with the rule's name (<c>phase.not-allowed</c>, <c>auth.required</c>, …) and a message for people.</summary>
public sealed record ApiProblem(HttpStatusCode? Status, string Rule, string Message)
{
    public bool NeedsSignIn => Status == HttpStatusCode.Unauthorized;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public bool IsForbidden => Status == HttpStatusCode.Forbidden;

    public static ApiProblem Unreachable(string message) => new(null, "network.unreachable", message);

    public static ApiProblem From(RuleError error) => new(null, error.Rule, error.Message);
}
