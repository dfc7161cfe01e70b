using System.Net;
using AngleSharp.Html.Dom;
using DoJ.Portal.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.PublicSite;

/// <summary>
/// The portal as a component of the province's portal, below a path of its host (<c>Site:BaseUrl</c> =
/// <c>https://example.gov.vn/so-tu-phap</c>, the proxy forwarding the prefix): no link, form, script, redirect, cookie,
/// feed or sitemap entry escapes the prefix.
/// </summary>
public sealed class PathPrefixTests : IDisposable
{
    private const string Prefix = "/so-tu-phap";
    private const string BaseUrl = "https://example.gov.vn" + Prefix;

    private static readonly string[] AddressAttributes = ["href", "src", "action", "formaction", "data-refresh", "data-rich-text", "data-job-status"];

    private readonly PortalWebApplicationFactory factory = new PortalWebApplicationFactory().With("Site:BaseUrl", BaseUrl);

    public void Dispose() => factory.Dispose();

    private HttpClient Browser() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost" + Prefix + "/") });

    [Fact]
    public async Task Every_address_on_the_public_pages_stays_below_the_prefix()
    {
        using var client = Browser();
        var home = await PageAsync(client, "");
        var article = home.QuerySelectorAll("a[href*='/tin-tuc/']").Select(a => a.GetAttribute("href")!).First();
        var category = home.QuerySelectorAll("a[href*='/chuyen-muc/']").Select(a => a.GetAttribute("href")!).First();
        var page = home.QuerySelectorAll("a[href*='/trang/']").Select(a => a.GetAttribute("href")!).FirstOrDefault();
        Assert.StartsWith(Prefix + "/tin-tuc/", article, StringComparison.Ordinal);

        var visited = new List<string> { "", Relative(article), Relative(category), "tim-kiem?q=binh%20dang%20gioi", "tin-theo-ngay/2021-01-22" };
        if (page is not null)
        {
            visited.Add(Relative(page));
        }

        foreach (var path in visited)
        {
            var document = await PageAsync(client, path);
            foreach (var (element, address) in Addresses(document))
            {
                Assert.True(StaysBelowPrefix(address), $"{Prefix}/{path}: <{element}> leads to {address}");
            }

            if (document.QuerySelector("link[rel=canonical]") is { } canonical)
            {
                Assert.StartsWith(BaseUrl + "/", canonical.GetAttribute("href"), StringComparison.Ordinal);
            }
        }

        // The widget the scripts refresh, and the day picker's form, are addresses too.
        Assert.StartsWith(Prefix + "/", home.QuerySelector("[data-refresh]")!.GetAttribute("data-refresh"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_the_sitemap_and_robots_name_prefixed_addresses()
    {
        using var client = Browser();
        var rss = await client.GetStringAsync(new Uri("rss", UriKind.Relative));
        var sitemap = await client.GetStringAsync(new Uri("sitemap.xml", UriKind.Relative));
        var robots = await client.GetStringAsync(new Uri("robots.txt", UriKind.Relative));

        Assert.Contains("<link>" + BaseUrl + "/tin-tuc/", rss, StringComparison.Ordinal);
        Assert.Contains("<loc>" + BaseUrl + "/sitemap-tin-tuc-0.xml</loc>", sitemap, StringComparison.Ordinal);
        var files = await SitemapReader.ReadAsync(client, BaseUrl);
        Assert.Contains(files.All, l => l.StartsWith(BaseUrl + "/tin-tuc/", StringComparison.Ordinal));
        Assert.All(files.All, l => Assert.StartsWith(BaseUrl + "/", l, StringComparison.Ordinal));
        Assert.DoesNotContain("<loc>https://example.gov.vn/tin-tuc", files.Text, StringComparison.Ordinal);
        Assert.Contains("Disallow: " + Prefix + "/quan-tri/", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: " + BaseUrl + "/sitemap.xml", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_keep_the_prefix_and_a_request_without_it_is_sent_below_it()
    {
        using var client = Browser();
        using var shortArticle = await client.GetAsync(new Uri("tin-tuc/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, shortArticle.StatusCode);
        Assert.StartsWith(Prefix + "/tin-tuc/1/", shortArticle.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var day = await client.GetAsync(new Uri("tin-theo-ngay?ngay=22/01/2021", UriKind.Relative));
        Assert.Equal(Prefix + "/tin-theo-ngay/2021-01-22", day.Headers.Location!.OriginalString);

        using var admin = await client.GetAsync(new Uri("quan-tri", UriKind.Relative));
        Assert.StartsWith(Prefix + "/tai-khoan/dang-nhap", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var outside = await client.GetAsync(new Uri("/chuyen-muc/tin-hoat-dong?trang=2", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, outside.StatusCode);
        Assert.Equal(Prefix + "/chuyen-muc/tin-hoat-dong?trang=2", outside.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Staff_sign_in_and_save_below_the_prefix_with_cookies_scoped_to_it()
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Administrator);
        var session = new StaffSession(Browser());

        using var signedIn = await session.PostFormAsync("tai-khoan/dang-nhap", "tai-khoan/dang-nhap",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith(Prefix + "/quan-tri", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("path=" + Prefix, c, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("__Host-", c, StringComparison.Ordinal);
        });

        var form = await session.GetAsync("quan-tri/chuyen-muc/tao");
        Assert.Contains(form.QuerySelectorAll("form[method=post]"), f => f.GetAttribute("action") == Prefix + "/quan-tri/chuyen-muc/tao");
        foreach (var (element, address) in Addresses(form))
        {
            Assert.True(StaysBelowPrefix(address), $"the admin form: <{element}> leads to {address}");
        }

        using var saved = await session.PostFormAsync("quan-tri/chuyen-muc/tao", "quan-tri/chuyen-muc/tao",
            new Dictionary<string, string> { ["Name"] = "Phổ biến pháp luật dưới tiền tố", ["Slug"] = "", ["Description"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Prefix + "/quan-tri/chuyen-muc", saved.Headers.Location!.OriginalString);

        var list = await session.GetAsync("quan-tri/chuyen-muc");
        Assert.Contains("Phổ biến pháp luật dưới tiền tố", list.Body!.TextContent, StringComparison.Ordinal);
        foreach (var (element, address) in Addresses(list))
        {
            Assert.True(StaysBelowPrefix(address), $"the admin list: <{element}> leads to {address}");
        }
    }

    private static string Relative(string prefixed) => prefixed[(Prefix.Length + 1)..];

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{Prefix}/{path} answered {(int)response.StatusCode}");
        return await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<(string Element, string Address)> Addresses(IHtmlDocument document) =>
        document.All
            .SelectMany(e => AddressAttributes
                .Where(e.HasAttribute)
                .Select(name => (e.LocalName, e.GetAttribute(name)!)));

    /// <summary>Below the prefix, or another site's address, a fragment, mail or phone: never the host's root.</summary>
    private static bool StaysBelowPrefix(string address) =>
        address.StartsWith(Prefix + "/", StringComparison.Ordinal)
        || address == Prefix
        || address.StartsWith(BaseUrl, StringComparison.Ordinal)
        || address.StartsWith('#')
        || address.StartsWith("mailto:", StringComparison.Ordinal)
        || address.StartsWith("tel:", StringComparison.Ordinal)
        || (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host != "example.gov.vn" && uri.Host != "localhost")
        || address.StartsWith("data:", StringComparison.Ordinal);
}
