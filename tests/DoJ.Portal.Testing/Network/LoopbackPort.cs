using System.Net;
using System.Net.Sockets;

namespace DoJ.Portal.Testing.Network;

public static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago: the OS picks it, the listener lets it go.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
