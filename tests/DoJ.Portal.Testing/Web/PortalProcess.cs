using System.Diagnostics;
using System.Net;
using System.Text;
using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.Testing.Web;

/// <summary>
/// The built portal run as a deployment runs it: <c>dotnet DoJ.Portal.Web.dll --urls http://127.0.0.1:port</c> in a child
/// process, on Kestrel, with its own temporary data folder; killed and cleaned up on dispose.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, Uri address, string dataPath)
    {
        this.process = process;
        Address = address;
        DataPath = dataPath;
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri Address { get; }

    public string DataPath { get; }

    /// <summary>What the process wrote so far (console log), for failure messages.</summary>
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

    /// <summary>Starts the portal with <paramref name="environment"/> (variables such as <c>Admin__Email</c>) and waits for <c>/health</c>.</summary>
    public static async Task<PortalProcess> StartAsync(string environmentName, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = typeof(Program).Assembly.Location;
        var dataPath = Path.Combine(Path.GetTempPath(), "doj-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var address = new Uri($"http://127.0.0.1:{Network.LoopbackPort.Free()}/");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        start.Environment["DOTNET_ENVIRONMENT"] = environmentName;
        start.Environment["Storage__DataPath"] = dataPath;
        start.Environment["Database__SeedDemoContent"] = "false";
        start.Environment["Serilog__File__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var portal = new PortalProcess(process, address, dataPath);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A cold start on a busy machine (migrations, demo content) takes a while.
            await portal.WaitForHealthAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>A client on <see cref="Address"/> that follows no redirect and keeps its cookies.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true)
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>GET of a page's HTML, waiting out the 503 search answers while its index is built at start-up.</summary>
    public async Task<string> GetHtmlAsync(string url)
    {
        using var client = CreateClient();
        for (var attempt = 0; ; attempt++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 60)
            {
                await Task.Delay(500);
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}\n{Output}");
            return await response.Content.ReadAsStringAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temp folder is cleaned some other day.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(SiteUrls.Health, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The portal did not answer {SiteUrls.Health} within {timeout}:\n{Output}");
    }
}
