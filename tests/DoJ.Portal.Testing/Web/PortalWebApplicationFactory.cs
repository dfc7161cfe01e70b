using System.Globalization;
using AngleSharp;
using AngleSharp.Html.Dom;
using DoJ.Portal.Data;
using DoJ.Portal.Web.Operations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DoJ.Portal.Testing.Web;

/// <summary>
/// The real portal on a real SQLite file in its own temporary folder, migrated with the real
/// migrations and seeded with the demo content, on a fake clock.
/// </summary>
public class PortalWebApplicationFactory : WebApplicationFactory<Program>
{
    /// <summary>The tests' "now": well after the demo content, so everything but the scheduled article is public.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> settings = new(StringComparer.Ordinal);

    public PortalWebApplicationFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "doj-portal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        // Browsers reach the portal over https (outside Development a plain http request is redirected there or refused):
        // so does every test client unless it asks for another address.
        ClientOptions.BaseAddress = new Uri("https://localhost");
        settings["Storage:DataPath"] = DataPath;
        settings["Database:Provider"] = "Sqlite";
        settings["Database:MigrateOnStartup"] = "true";
        settings["Site:BaseUrl"] = "https://portal.example.vn";
        settings["Serilog:WriteTo:0:Name"] = "Console";
        settings["Serilog:MinimumLevel:Default"] = "Warning";
        // Tests move the fake clock a lot; they flush the visit counter themselves.
        settings["Counting:FlushInterval"] = "1.00:00:00";
        // Making the demo photos' variants takes seconds of CPU at every start: tests that need variants make them
        // themselves (ImageConversion), or turn this back on.
        settings["Media:BackfillEnabled"] = "false";
        // Many sign-ins and searches come from one test "address"; the rate-limit tests lower these again.
        settings["RateLimits:SignInPerMinute"] = "100000";
        settings["RateLimits:SearchPerMinute"] = "100000";
        settings["RateLimits:UploadsPerMinute"] = "100000";
        settings["RateLimits:PasswordResetsPerMinute"] = "100000";
        settings["RateLimits:EditorSavesPerMinute"] = "100000";
    }

    public string DataPath { get; }

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra test services (e.g. a fault-injecting interceptor), applied after the app's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Overrides a configuration value before the host starts.</summary>
    public PortalWebApplicationFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Runs <paramref name="work"/> with a fresh scope's <see cref="PortalDbContext"/>.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public Task WithDbAsync(Func<PortalDbContext, Task> work) =>
        WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>
    /// Waits until the files waiting at start (the demo documents') are read: each read evicts the cached search
    /// and register pages, so a test asserting that such a page is served from the cache waits for this first.
    /// </summary>
    public Task WhenFilesReadAsync() =>
        Services.GetServices<IHostedService>().OfType<FileTextExtraction>().Single().WhenCaughtUp.WaitAsync(TimeSpan.FromMinutes(2));

    /// <summary>A client that does not follow redirects, so 301s can be asserted.</summary>
    public HttpClient CreatePlainClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // The folder the portal really used: a test may have pointed Storage:DataPath elsewhere.
            SqlitePools.Clear(settings.TryGetValue("Storage:DataPath", out var used) && !string.IsNullOrEmpty(used) ? used : DataPath);
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
            }
        }
    }
}

public static class HtmlReader
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return await ParseAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(string html) =>
        (IHtmlDocument)await Context.OpenAsync(request => request.Content(html));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
