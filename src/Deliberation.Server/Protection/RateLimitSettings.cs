namespace Deliberation.Server.Protection;

/// <summary>
/// The limits per client address and per person (docs/api.md, "Limits"), from <c>RateLimits:*</c>.
/// A person is the participant her cookie names, whichever session or connection she uses, so a
/// fresh session buys nobody a fresh allowance.
/// </summary>
public sealed record RateLimitSettings(
    int RequestsPerMinutePerPerson,
    int RequestsPerMinutePerAddress,
    int ImportsPerMinutePerAddress,
    int FailedInviteRedemptionsPerMinutePerAddress,
    int HubConnectionsPerPerson,
    int HubCommandBurstPerPerson,
    int HubCommandsPerSecondPerPerson)
{
    public static RateLimitSettings From(IConfiguration configuration)
    {
        var perPerson = configuration.GetValue("RateLimits:RequestsPerMinute", 1200);
        return new RateLimitSettings(
            perPerson,
            // A room behind one NAT shares one address: several people's worth by default.
            configuration.GetValue("RateLimits:RequestsPerMinutePerAddress", perPerson * 5),
            configuration.GetValue("RateLimits:ImportsPerMinute", 10),
            configuration.GetValue("RateLimits:InviteGuessesPerMinute", 20),
            configuration.GetValue("RateLimits:HubConnectionsPerPerson", 3),
            configuration.GetValue("RateLimits:HubBurst", 40),
            configuration.GetValue("RateLimits:HubPerSecond", 20));
    }
}
