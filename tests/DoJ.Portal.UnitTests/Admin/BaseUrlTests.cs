using DoJ.Portal.Web.Navigation;

namespace DoJ.Portal.UnitTests.Admin;

public sealed class BaseUrlTests
{
    [Theory]
    [InlineData("https://stp.hue.gov.vn")]
    [InlineData("http://localhost:5080")]
    [InlineData("https://portal.example.vn/stp")]
    public void Absolute_http_addresses_are_accepted(string url) => Assert.True(SiteUrls.IsAcceptableBaseUrl(url));

    [Theory]
    [InlineData("")]
    [InlineData("stp.hue.gov.vn")]
    [InlineData("/relative")]
    [InlineData("//stp.hue.gov.vn")]
    [InlineData("ftp://stp.hue.gov.vn")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pass@stp.hue.gov.vn")]
    [InlineData("https://stp.hue.gov.vn/?a=1")]
    [InlineData("https://stp.hue.gov.vn/#top")]
    [InlineData(" https://stp.hue.gov.vn")]
    [InlineData("https://stp.hue.gov.vn\\evil")]
    [InlineData("https://stp.hue .gov.vn")]
    public void Anything_else_is_refused(string url) => Assert.False(SiteUrls.IsAcceptableBaseUrl(url));

    [Theory]
    [InlineData("HTTPS://STP.Hue.gov.vn/", "https://stp.hue.gov.vn")]
    [InlineData("https://portal.example.vn/stp/", "https://portal.example.vn/stp")]
    public void Base_urls_are_normalized(string url, string expected) => Assert.Equal(expected, SiteUrls.NormalizeBaseUrl(url));
}
