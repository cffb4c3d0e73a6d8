namespace Deliberation.Contracts.Http;

/// <summary>GET /health: <c>ready</c> once the database answers and the silo has started.</summary>
public sealed record HealthReport(string Status)
{
    public static HealthReport Ready { get; } = new("ready");
}
