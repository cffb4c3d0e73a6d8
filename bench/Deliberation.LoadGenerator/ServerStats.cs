using System.Globalization;

namespace Deliberation.LoadGenerator;

/// <summary>The server's CPU time and resident memory, read from /proc (Linux) for the report.</summary>
public static class ServerStats
{
    public static double CpuSeconds(int? pid)
    {
        if (pid is not { } p || !File.Exists($"/proc/{p}/stat"))
            return 0;
        // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 a second on Linux).
        var stat = File.ReadAllText($"/proc/{p}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    public static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
