using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The built portal (<c>dotnet DoJ.Portal.Web.dll</c>) run as its own process on 127.0.0.1 and a free port,
/// with its own temporary data folder and the environment a test gives it, as a container would run it;
/// killed (by its own process id) when disposed. For what an in-process host cannot show, such as
/// runtime switches read at process start (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT</c>).
/// </summary>
public class PortalProcess(IReadOnlyDictionary<string, string> environment) : IAsyncLifetime
{
    private readonly StringBuilder output = new();
    private Process? process;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "process-" + Guid.NewGuid().ToString("N"));

    public HttpClient Client { get; private set; } = new();

    /// <summary>What the process wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// The web project's own assembly, as the build copied it next to the tests, with its runtimeconfig
    /// (found through <see cref="Program"/>, so it is the build these tests compiled against).
    /// </summary>
    public static string WebAssemblyPath
    {
        get
        {
            var path = typeof(Program).Assembly.Location;
            return File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json"))
                ? path
                : throw new InvalidOperationException($"{path} has no runtimeconfig.json next to it: it cannot be run as an application.");
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        var port = LoopbackPort.Free();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var dll = WebAssemblyPath;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var arg in new[] { dll, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["Storage__DataPath"] = DataPath;
        start.Environment["Serilog__File__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        // A cold start on a busy machine (migrations, demo content) takes a while.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the portal exited with code {process.ExitCode}:\n{Output}");
            }

            if (await IsHealthyAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"the portal did not answer /health within 120 s:\n{Output}");
    }

    /// <summary>GET, waiting out the 503 the search answers while its index is built at start-up.</summary>
    public async Task<string> GetHtmlAsync(string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 60)
            {
                await Task.Delay(500);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{Output}");
            return await response.Content.ReadAsStringAsync();
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
