using System.Net;
using System.Net.Sockets;

namespace Equipment.Testing;

/// <summary>
/// Ports for the servers a test starts, each handed out once per test process and taken from below the kernel's
/// ephemeral range. Asking the kernel for port 0 and releasing it is not enough for a server started seconds later:
/// the kernel can give the same port to the next caller, or to an outgoing connection, in between (one CI run had the
/// sidecar and a service on one port, so that one of them answered for the other).
/// </summary>
public static class FreePorts
{
    private const int First = 20_000;
    private const int Last = 32_000;   // Linux's ephemeral range starts at 32,768 by default
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (HandedOut.Contains(port) || !IsFree(port)) continue;
                HandedOut.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free port between {First} and {Last} after 1,000 tries.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
