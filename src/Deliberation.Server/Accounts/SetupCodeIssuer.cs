using Deliberation.Persistence.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Server.Accounts;

/// <summary>
/// At start, while no organiser account exists, issues the one-time setup code that creates the
/// first one and prints it (console and log). <c>Accounts:SetupCode</c> fixes the code for tests and
/// for operators who deploy without reading the console; otherwise each start makes a new one. Either
/// way the previous start's code stops working. Once an account exists no setup code is issued again.
/// </summary>
public sealed class SetupCodeIssuer(
    IServiceScopeFactory scopes, IConfiguration configuration, SetupCodeNotice notice, ILogger<SetupCodeIssuer> logger) : IHostedService
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OrganiserAccount>>();
        if (await users.Users.AnyAsync(cancellationToken))
            return;
        var codes = scope.ServiceProvider.GetRequiredService<OneTimeCodes>();
        var configured = configuration["Accounts:SetupCode"];
        var code = string.IsNullOrWhiteSpace(configured) ? OneTimeCodes.NewCode() : configured.Trim();
        // One setup code at a time: whatever an earlier start printed stops working now.
        await codes.RetireUnusedSetupCodesAsync();
        notice.ExpiresAt = await codes.StoreAsync(code, OneTimeCodePurpose.Setup, issuedBy: null, ValidFor);
        notice.Code = code;
        Console.WriteLine($"\nNo organiser account yet. Create the first one at /account/setup with this one-time setup code:\n  {code}\n");
        logger.LogWarning("No organiser account exists; a one-time setup code was issued (printed on the console, valid until {ExpiresAt}).", notice.ExpiresAt);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
