using System.Net;
using System.Net.Sockets;

namespace Deliberation.Testing;

/// <summary>
/// Loopback ports nobody is listening on, never the same one twice in this process: every test
/// host runs its own Orleans silo and must not meet another's (or a developer's on 11111/30000).
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                    return port;
            }
        }
    }
}
