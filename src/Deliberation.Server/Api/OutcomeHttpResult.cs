using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Deliberation.Server.Api;

/// <summary>
/// A command's answer over HTTP: <c>{accepted, streamId, version, error}</c>, the same object the
/// hub returns, with 200 when accepted and the refusal's status (400, 403, 404, 409) when not.
/// The body is the outcome rather than a problem so a script reads one shape either way; the
/// OpenAPI document lists every status with that shape.
/// </summary>
public sealed class OutcomeHttpResult(CommandOutcome outcome)
    : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<CommandOutcome>
{
    private static readonly int[] Statuses =
    [
        StatusCodes.Status200OK, StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden,
        StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
    ];

    public CommandOutcome Value => outcome;

    object? IValueHttpResult.Value => outcome;

    public int StatusCode => outcome.Error is { } error ? Problems.StatusOf(error.Kind) : StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Json(outcome, statusCode: StatusCode).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        foreach (var status in Statuses)
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(CommandOutcome), ["application/json"]));
    }
}
