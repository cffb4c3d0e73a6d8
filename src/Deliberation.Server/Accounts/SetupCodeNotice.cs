namespace Deliberation.Server.Accounts;

/// <summary>
/// The setup code issued at this start, while no account exists; only its hash is stored, so
/// this is the one place the demo seed can read it from to print it beside the invite links.
/// </summary>
public sealed class SetupCodeNotice
{
    public string? Code { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public static string File => Path.Combine(Directory.GetCurrentDirectory(), "data", "setup-code.txt");

    public static string Link(string baseUrl) => $"{baseUrl.TrimEnd('/')}/account/setup";
}
