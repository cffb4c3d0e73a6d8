using System.Globalization;

namespace Deliberation.LoadGenerator;

/// <summary>The server's CPU time and resident memory, and the machine's load, read from /proc (Linux) for the report.</summary>
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

    /// <summary>Busy and total jiffies of the whole machine (all cores), from the first line of /proc/stat.</summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        if (!File.Exists("/proc/stat"))
            return (0, 0);
        // cpu user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    public static double ResidentMegabytes(int pid) => StatusMegabytes(pid, "VmRSS:");

    /// <summary>The most the server was resident at any moment since it started (the kernel's high-water mark).</summary>
    public static double PeakResidentMegabytes(int pid) => StatusMegabytes(pid, "VmHWM:");

    private static double StatusMegabytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
