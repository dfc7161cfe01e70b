using Microsoft.Playwright;

namespace DoJ.Portal.Screenshots;

/// <summary>Debian's headless Chromium pointed at one portal, saving PNGs into one folder.</summary>
internal sealed class Camera : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly string baseUrl;
    private readonly string folder;
    private readonly List<IBrowserContext> contexts = [];

    private Camera(IPlaywright playwright, IBrowser browser, string baseUrl, string folder)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.folder = folder;
    }

    public static async Task<Camera> OpenAsync(string baseUrl, string folder)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new ShotFailedException("Chromium is not installed: apt-get install chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        return new Camera(playwright, browser, baseUrl.TrimEnd('/'), Directory.CreateDirectory(folder).FullName);
    }

    /// <summary>A page in a fresh context (own cookies) of the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            // Headless Chromium names itself HeadlessChrome, which the visit counter rightly takes for a bot;
            // these pages are looked at as a person would, so they count and the dashboard's chart has today's bar.
            UserAgent = $"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{browser.Version} Safari/537.36",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(30_000);
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Opens <paramref name="path"/>; anything but a 2xx answer stops the run (no error page gets saved).</summary>
    public static async Task GotoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        if (response is null || !response.Ok)
        {
            throw new ShotFailedException($"{path} answered {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}");
        }
    }

    /// <summary>Saves what the viewport shows, once the page is settled, as <paramref name="name"/>.png.</summary>
    public async Task SaveAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.EvaluateAsync("() => document.fonts.ready");
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        Console.WriteLine($"  {name}.png  ({page.Url})");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        await browser.DisposeAsync();
        playwright.Dispose();
    }
}

/// <summary>A page that could not be photographed as it should look.</summary>
internal sealed class ShotFailedException(string message) : Exception(message);
