using System.Globalization;

namespace Deliberation.LoadGenerator;

/// <summary>What to run: how many clients, how fast, for how long, against which loopback server.</summary>
public sealed record LoadOptions(Uri Server, int Clients, double ActionsPerSecond, TimeSpan Duration, TimeSpan Warmup, double ActorShare, int? ServerPid)
{
    /// <summary>
    /// The organiser account that creates the load's dialogue (only accounts create dialogues). With
    /// <see cref="SetupCode"/> (the code the server printed at its first start) the account is created first.
    /// </summary>
    public string OrganiserEmail { get; init; } = "load@example.test";

    public string OrganiserPassword { get; init; } = "load generator passphrase";

    public string? SetupCode { get; init; }

    /// <summary>Drives the bare-SignalR floor (bench/Deliberation.FloorHub) instead of our server: same load shape, same measurement.</summary>
    public bool Floor { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        var server = new Uri(Get("server", "http://127.0.0.1:5080"));
        // Load goes to this machine only.
        if (!server.IsLoopback)
            throw new ArgumentException("The load generator only targets loopback addresses (127.0.0.0/8, localhost, [::1]).");
        return new LoadOptions(
            server,
            int.Parse(Get("clients", "100"), CultureInfo.InvariantCulture),
            double.Parse(Get("rate", "50"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("seconds", "30"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "15"), CultureInfo.InvariantCulture)),
            double.Parse(Get("actors", "0.2"), CultureInfo.InvariantCulture),
            args.Contains("--server-pid") ? int.Parse(Get("server-pid", "0"), CultureInfo.InvariantCulture) : null)
        {
            OrganiserEmail = Get("organiser-email", "load@example.test"),
            OrganiserPassword = Get("organiser-password", "load generator passphrase"),
            SetupCode = args.Contains("--setup-code") ? Get("setup-code", "") : null,
            Floor = args.Contains("--floor"),
        };
    }
}
