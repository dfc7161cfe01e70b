using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A real Debian <c>redis-server</c> on 127.0.0.1, a free port and its own temporary folder, with no
/// persistence; started by the tests, stopped (by its own process id) when disposed. Tests that need it
/// skip with <see cref="Missing"/> when it is not installed.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string ServerPath = "/usr/bin/redis-server";
    public const string Missing = "redis-server is not installed: apt-get install redis-server (.ci/run installs it)";

    private Process? process;
    private string? folder;

    public static bool IsInstalled => File.Exists(ServerPath);

    public int Port { get; private set; }

    /// <summary>The <c>Redis:Configuration</c> value that reaches this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
        {
            return;
        }

        folder = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "redis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Port = LoopbackPort.Free();
        var start = new ProcessStartInfo(ServerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", folder, "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}");
            }

            if (await PingsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("redis-server did not answer PING");
    }

    /// <summary>Kills the server, as a crash would.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        process = null;
        if (folder is not null)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
