namespace Deliberation.Testing;

/// <summary>
/// A server's console log read as entries: a line that starts with the level (<c>info:</c>,
/// <c>fail:</c>, …) and the indented lines under it, its message and exception.
/// </summary>
public static class ServerLog
{
    private static readonly string[] Levels = ["trce:", "dbug:", "info:", "warn:", "fail:", "crit:"];

    /// <summary>
    /// The entries that report a fault: errors, critical errors and unhandled exceptions. A hub
    /// method's refusal is not one: SignalR logs every <c>HubException</c> a hub method throws as an
    /// error, though it is the answer the caller gets ("there is no such dialogue"), not a failure.
    /// </summary>
    public static IReadOnlyList<string> Failures(IEnumerable<string> lines) =>
        [.. Entries(lines)
            .Where(e => e[0].StartsWith("fail:", StringComparison.Ordinal) || e[0].StartsWith("crit:", StringComparison.Ordinal)
                || e.Any(l => l.Contains("Unhandled exception", StringComparison.Ordinal)))
            .Where(e => !IsHubRefusal(e))
            .Select(e => string.Join('\n', e))];

    private static bool IsHubRefusal(IReadOnlyList<string> entry) =>
        entry[0].Contains("SignalR", StringComparison.Ordinal)
        && entry.Skip(1).Any(l => l.TrimStart().StartsWith("Microsoft.AspNetCore.SignalR.HubException:", StringComparison.Ordinal));

    private static List<List<string>> Entries(IEnumerable<string> lines)
    {
        var entries = new List<List<string>>();
        foreach (var line in lines)
        {
            if (Levels.Any(level => line.StartsWith(level, StringComparison.Ordinal)) || entries.Count == 0)
                entries.Add([line]);
            else
                entries[^1].Add(line);
        }
        return entries;
    }
}
