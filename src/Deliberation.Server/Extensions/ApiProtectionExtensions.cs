using Deliberation.Server.Protection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Deliberation.Server.Extensions;

/// <summary>
/// What stands between the network and the endpoints (docs/security.md): forwarded headers from
/// known proxies, security headers, the same-origin check for unsafe requests, body size limits,
/// limits per address and per person, and RFC 9457 problem details with a <c>rule</c> for every failure.
/// </summary>
public static class ApiProtectionExtensions
{
    public const string ImportPolicy = RequestRateLimits.ImportPolicy;

    public static void AddApiProtection(this WebApplicationBuilder builder)
    {
        var limits = RateLimitSettings.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.AddRule);
        builder.Services.Configure<ForwardedHeadersOptions>(options => ProxySettings.Configure(options, builder.Configuration));
        builder.Services.AddRateLimiter(options => RequestRateLimits.Configure(options, limits));
        builder.Services.AddSingleton<InviteGuessLimit>();
        builder.Services.AddSingleton<HubConnectionLimit>();
        builder.Services.AddSingleton<HubConnectionLimitFilter>();
        builder.Services.Configure<HubOptions>(options => options.AddFilter<HubConnectionLimitFilter>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        ExplainHubArgumentErrors(builder.Services);
    }

    /// <summary>
    /// Wraps the hub's JSON protocol in <see cref="ClearArgumentErrorsHubProtocol"/>; it must run
    /// after <c>AddRealtime</c> has registered that protocol (Program.cs calls it after).
    /// </summary>
    private static void ExplainHubArgumentErrors(IServiceCollection services)
    {
        var json = services.LastOrDefault(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType == typeof(JsonHubProtocol))
            ?? throw new InvalidOperationException("AddApiProtection wraps the hub's JSON protocol: call it after AddRealtime.");
        services.Remove(json);
        services.Configure<JsonHubProtocolOptions>(options => RequiredMembersCheck.ApplyTo(options.PayloadSerializerOptions));
        services.AddSingleton<IHubProtocol>(provider => new ClearArgumentErrorsHubProtocol(ActivatorUtilities.CreateInstance<JsonHubProtocol>(provider)));
    }

    /// <summary>Before authentication: where the request came from, the headers every answer carries, errors as problems, and the cross-site check.</summary>
    public static void UseBrowserProtection(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<SameOriginCheck>();
        app.UseMiddleware<RequestSizeLimit>();
    }

    /// <summary>After authentication, so a limit per person knows the person.</summary>
    public static void UseRequestLimits(this WebApplication app)
    {
        app.UseMiddleware<InviteGuessMiddleware>();
        app.UseMiddleware<HubConnectionLimitMiddleware>();
        app.UseRateLimiter();
    }
}
