using Deliberation.Server.Api;

namespace Deliberation.Server.Protection;

/// <summary>
/// Refuses an unsafe request (POST, PUT, PATCH, DELETE) that a browser sent from another site, with
/// 403 and rule <c>request.cross-origin</c>: otherwise a page elsewhere could act with a member's
/// cookie (CSRF) or redeem an invite or run an import and so replace her session with its own
/// (login CSRF). Browsers say where a request comes from in <c>Sec-Fetch-Site</c>, else
/// <c>Origin</c>, else <c>Referer</c>; a request with none of them is not from a browser page
/// (scripts, curl, the .NET client) and is unaffected. Same origin is this server's scheme, host and
/// port as the client sees them (behind a proxy, with forwarded headers configured), or one of
/// <c>Protection:AllowedOrigins</c>.
/// </summary>
public sealed class SameOriginCheck(RequestDelegate next, IConfiguration configuration)
{
    public const string Rule = "request.cross-origin";

    private readonly string[] allowedOrigins = (configuration.GetSection("Protection:AllowedOrigins").Get<string[]>() ?? [])
        .Select(o => o.TrimEnd('/')).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsUnsafe(context.Request.Method) && IsCrossOrigin(context.Request))
        {
            await Problems.WithStatus(StatusCodes.Status403Forbidden, Rule,
                "This request came from another site; act on this server from its own pages.").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsUnsafe(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private bool IsCrossOrigin(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host.Value}";
        // Sec-Fetch-Site is set by the browser itself and survives Referrer-Policy: no-referrer,
        // which makes some browsers send "Origin: null" even for a same-origin POST.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site is not ("same-origin" or "none") && !IsAllowed(request.Headers.Origin.ToString(), own);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
            return !IsAllowed(origin, own);
        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0)
            return !Uri.TryCreate(referer, UriKind.Absolute, out var from) || !IsAllowed(from.GetLeftPart(UriPartial.Authority), own);
        return false;
    }

    private bool IsAllowed(string origin, string own)
    {
        if (origin.Length == 0 || origin == "null" || !Uri.TryCreate(origin, UriKind.Absolute, out var from))
            return false;
        var normalized = from.GetLeftPart(UriPartial.Authority);
        return SameAuthority(normalized, own) || allowedOrigins.Any(a => SameAuthority(normalized, a));
    }

    private static bool SameAuthority(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
        && string.Equals(x.Scheme, y.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase)
        && x.Port == y.Port;
}
