using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.UnitTests.Navigation;

public sealed class MenuUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/trang/lien-he")]
    [InlineData("/tim-kiem?q=h%E1%BB%99+t%E1%BB%8Bch")]
    [InlineData("/chuyen-muc/thong-bao#moi")]
    [InlineData("https://dichvucong.gov.vn")]
    [InlineData("http://vbpl.vn/TW/Pages/home.aspx")]
    [InlineData("HTTPS://Chinhphu.vn/")]
    [InlineData("https://xn--bcthng-kva2a.vn/tra-cuu?ma=1")]
    public void Site_paths_and_web_addresses_are_accepted(string url) =>
        Assert.True(MenuUrl.IsAcceptable(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://ftp.example.vn")]
    [InlineData("mailto:sotuphap@example.vn")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https:\\\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("http://")]
    [InlineData("https://chinhphu.vn@evil.example")]
    [InlineData("trang/lien-he")]
    [InlineData("vbpl.vn")]
    [InlineData("")]
    [InlineData(null)]
    public void Scripts_other_schemes_and_addresses_that_leave_the_site_unannounced_are_refused(string? url) =>
        Assert.False(MenuUrl.IsAcceptable(url));

    [Theory]
    [InlineData(" /trang/lien-he")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/trang/lien he")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("https://chinhphu.vn\u200B")]
    [InlineData("/trang/\u202Eexe.pdf")]
    [InlineData("\u00A0javascript:alert(1)")]
    public void Whitespace_and_invisible_characters_are_refused_anywhere(string url) =>
        Assert.False(MenuUrl.IsAcceptable(url));

    [Fact]
    public void An_address_longer_than_the_column_is_refused()
    {
        Assert.True(MenuUrl.IsAcceptable("/" + new string('a', MenuItem.UrlMaxLength - 1)));
        Assert.False(MenuUrl.IsAcceptable("/" + new string('a', MenuItem.UrlMaxLength)));
    }
}
