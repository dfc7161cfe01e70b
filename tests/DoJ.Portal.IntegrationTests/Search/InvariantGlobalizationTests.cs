using System.Text.RegularExpressions;

namespace DoJ.Portal.IntegrationTests.Search;

/// <summary>The portal as slim and chiseled container images run it: no ICU, invariant globalization, Production.</summary>
public sealed class InvariantGlobalizationPortal : IAsyncLifetime
{
    private PortalProcess? portal;

    public async Task InitializeAsync() =>
        portal = await PortalProcess.StartAsync("Production", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
            ["Database__Provider"] = "Sqlite",
            ["Database__SeedDemoContent"] = "true",
            ["Security__PlainHttpCookies"] = "true",
        });

    public Task<string> GetHtmlAsync(string url) => portal!.GetHtmlAsync(url);

    public async Task DisposeAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }
    }
}

public sealed partial class InvariantGlobalizationTests(InvariantGlobalizationPortal portal) : IClassFixture<InvariantGlobalizationPortal>
{
    private const string AwardSlug = "01-tap-the-01-ca-nhan-co-quan-so-tu-phap-duoc-chu-tich-ubnd-tinh-tang-bang-khen";

    [GeneratedRegex(@"href=""/tin-tuc/\d+/([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleLink();

    private static List<string> ArticleSlugs(string html) =>
        ArticleLink().Matches(html).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("/chuyen-muc/thi-dua-khen-thuong", AwardSlug)]
    [InlineData("/chuyen-muc/hanh-chinh-tu-phap", "cap-phieu-ly-lich-tu-phap-tiep-nhan-ho-so-truc-tuyen-tra-ket-qua-qua-buu-dien")]
    [InlineData("/chuyen-muc/pho-bien-giao-duc-phap-luat", "dua-phap-luat-den-voi-dong-bao-dan-toc-thieu-so-o-huyen-a-luoi")]
    public async Task Without_ICU_the_demo_articles_get_ASCII_slugs_made_from_their_Vietnamese_titles(string category, string expected)
    {
        var slugs = ArticleSlugs(await portal.GetHtmlAsync(category));

        Assert.Contains(expected, slugs);
        Assert.All(slugs, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s));
    }

    [Theory]
    [InlineData("binh dang gioi")]
    [InlineData("BÌNH ĐẲNG GIỚI")]
    [InlineData("Bình đẳng giới")]
    public async Task Without_ICU_a_search_with_or_without_diacritics_finds_the_award_article(string query)
    {
        var html = await portal.GetHtmlAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        var first = (await HtmlReader.ParseAsync(html)).QuerySelector(".search-results li .article-title")!;

        Assert.StartsWith("01 tập thể, 01 cá nhân", first.TextContent, StringComparison.Ordinal);
        Assert.Equal(["bình", "đẳng", "giới"], first.QuerySelectorAll("mark").Select(m => m.TextContent).ToArray());
        Assert.Contains(AwardSlug, ArticleSlugs(html));
        Assert.Contains("<mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_ICU_a_decomposed_query_finds_the_award_article()
    {
        // "Bình đẳng giới" in NFD, spelled out: the test process has ICU, the portal has not.
        const string nfd = "Bi\u0300nh đa\u0306\u0309ng gio\u031B\u0301i";
        Assert.Equal(19, nfd.Length);

        var html = await portal.GetHtmlAsync("/tim-kiem?q=" + Uri.EscapeDataString(nfd));
        var first = (await HtmlReader.ParseAsync(html)).QuerySelector(".search-results li .article-title")!;

        Assert.StartsWith("01 tập thể, 01 cá nhân", first.TextContent, StringComparison.Ordinal);
        Assert.Contains(AwardSlug, ArticleSlugs(html));
    }
}
