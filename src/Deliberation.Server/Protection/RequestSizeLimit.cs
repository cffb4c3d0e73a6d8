using Deliberation.Server.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Deliberation.Server.Protection;

/// <summary>
/// The largest body a request may carry: <c>Limits:MaxRequestBytes</c> (1 MiB) unless its endpoint
/// names its own with <see cref="UploadLimit"/>. A declared <c>Content-Length</c> over it is refused
/// at once with 413 and rule <c>request.too-large</c>, before a byte is read; a chunked body is cut
/// off at the limit by the server (Kestrel's per-request maximum, set here).
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, IConfiguration configuration)
{
    public const string Rule = "request.too-large";

    private readonly long defaultLimit = configuration.GetValue("Limits:MaxRequestBytes", 1024L * 1024);

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
        if (context.Request.ContentLength > limit)
        {
            // The client may still be sending: close the connection rather than read what it sends.
            context.Response.Headers.Connection = "close";
            await TooLarge(limit).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        await next(context);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long limit) =>
        Problems.WithStatus(StatusCodes.Status413PayloadTooLarge, Rule, $"The request is larger than the limit of {limit} bytes.");
}

/// <summary>An endpoint's own body limit, for uploads; read by <see cref="RequestSizeLimit"/>.</summary>
public sealed record UploadLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
