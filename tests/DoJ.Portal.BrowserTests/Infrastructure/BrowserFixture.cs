using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DoJ.Portal.BrowserTests.Infrastructure;

/// <summary>
/// One real portal on Kestrel (127.0.0.1, a free port, its own temp data folder, fake clock) and one
/// headless Debian Chromium, shared by a test class; every test opens its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromiumMissing = "Chromium is not installed: apt-get install chromium";

    private IPlaywright? playwright;
    private IBrowser? browser;

    public static bool ChromiumIsInstalled => File.Exists(ChromiumPath);

    public PortalWebApplicationFactory Factory { get; private set; } = null!;

    /// <summary>The portal's real address, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException(ChromiumMissing);

    public async Task InitializeAsync()
    {
        if (!ChromiumIsInstalled)
        {
            return;
        }

        // Site:BaseUrl must be the real address before the host starts (SiteUrls reads it once),
        // so a free loopback port is taken first and Kestrel listens on exactly that port.
        var port = LoopbackPort.Free();
        var address = $"http://127.0.0.1:{port}";
        // Kestrel here speaks plain http, so the cookies cannot carry Secure and the __Host- prefix.
        Factory = new KestrelPortalFactory().With("Site:BaseUrl", address).With("Security:PlainHttpCookies", "true");
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) with the portal as base URL.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

/// <summary>
/// The integration tests' factory, plus the build's static web assets manifest: a real browser sends
/// Accept-Encoding, and outside Development the precompressed (.gz/.br) variants only exist in obj/,
/// so without the manifest they were answered with an empty 200.
/// </summary>
internal sealed class KestrelPortalFactory : PortalWebApplicationFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}
