using System.Net;
using DoJ.Portal.Web.Counting;

namespace DoJ.Portal.UnitTests.Counting;

public sealed class BotDetectorTests
{
    private static readonly BotDetector Detector = new();

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/128.0.0 Chrome/122.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; M2101K6G Build/TKQ1.221013.002; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/129.0.6668.100 Mobile Safari/537.36 Zalo android/12100690 ZaloTheme/light ZaloLanguage/vi")]
    public void Browsers_people_use_in_Vietnam_are_not_bots(string userAgent) => Assert.False(Detector.IsBot(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.3")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Go-http-client/1.1")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36")]
    [InlineData("")]
    [InlineData(null)]
    public void Crawlers_tools_and_empty_user_agents_are_bots(string? userAgent) => Assert.True(Detector.IsBot(userAgent));

    [Fact]
    public void The_maintained_list_is_loaded() => Assert.True(Detector.PatternCount > 1_000);
}

public sealed class VisitorHasherTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void The_id_is_opaque_and_holds_neither_address_nor_user_agent()
    {
        var id = VisitorHasher.Hash(Key, IPAddress.Parse("203.0.113.77"), "Mozilla/5.0");
        Assert.Equal(32, id.Length);
        Assert.DoesNotContain("203", id, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void Addresses_in_the_same_24_network_with_the_same_browser_are_one_visitor()
    {
        Assert.Equal(
            VisitorHasher.Hash(Key, IPAddress.Parse("203.0.113.77"), "UA"),
            VisitorHasher.Hash(Key, IPAddress.Parse("203.0.113.78"), "UA"));
        Assert.NotEqual(
            VisitorHasher.Hash(Key, IPAddress.Parse("203.0.113.77"), "UA"),
            VisitorHasher.Hash(Key, IPAddress.Parse("203.0.114.77"), "UA"));
        Assert.Equal(
            VisitorHasher.Hash(Key, IPAddress.Parse("::ffff:203.0.113.77"), "UA"),
            VisitorHasher.Hash(Key, IPAddress.Parse("203.0.113.5"), "UA"));
    }

    [Fact]
    public void Another_days_key_gives_another_id()
    {
        var other = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();
        Assert.NotEqual(VisitorHasher.Hash(Key, IPAddress.Loopback, "UA"), VisitorHasher.Hash(other, IPAddress.Loopback, "UA"));
    }
}
