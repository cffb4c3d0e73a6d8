namespace Deliberation.Server.Protection;

/// <summary>
/// Headers on every response (docs/security.md): a Content-Security-Policy with what the Blazor
/// WebAssembly client needs and nothing more — its own scripts, WebAssembly compilation
/// (<c>'wasm-unsafe-eval'</c>), MudBlazor's inline styles, the hub's WebSocket to this origin — no
/// framing, no sniffing, no referrer (invite codes are in URLs). Set when the response starts, so
/// error pages written by the exception handler carry them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            if (http.Request.IsHttps)
                headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
