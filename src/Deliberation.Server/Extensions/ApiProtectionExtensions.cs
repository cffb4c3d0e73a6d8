using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Deliberation.Server.Extensions;

/// <summary>Rate limits, body size limits and RFC 9457 problem details for every failure.</summary>
public static class ApiProtectionExtensions
{
    public const string ImportPolicy = "imports";

    public static void AddApiProtection(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:RequestsPerMinute", 1200);
        var importsPerMinute = builder.Configuration.GetValue("RateLimits:ImportsPerMinute", 10);
        builder.Services.AddProblemDetails();
        builder.Services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = 100L * 1024 * 1024);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per caller: a signed-in participant, else the remote address.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            options.AddPolicy(ImportPolicy, context => RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = importsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        });
    }

    public static void UseProblemDetailsForErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
    }

    private static string CallerKey(HttpContext context) =>
        context.User.ParticipantId()?.ToString() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
