using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Security;

namespace DoJ.Portal.UnitTests.Security;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Admin@123456")]
    [InlineData("123456789012")]
    [InlineData("Sunshine2024!!")]
    [InlineData("qwertyuiop123")]
    [InlineData("Matkhau@12345")]
    [InlineData("Abc@123456789")]
    [InlineData("")]
    public void Common_or_padded_passwords_are_weak(string password) => Assert.True(CommonPasswordValidator.IsWeak(password));

    [Theory]
    [InlineData("hoa sen nở muộn bên hồ Tịnh Tâm")]
    [InlineData("correct horse battery staple")]
    [InlineData("qW!ggTA!6S6aQT-E2VZv")]
    public void Long_unusual_passphrases_are_accepted(string password) => Assert.False(CommonPasswordValidator.IsWeak(password));
}

public sealed class LinkUrlTests
{
    [Theory]
    [InlineData("https://chinhphu.vn", true)]
    [InlineData("http://moj.gov.vn/path?x=1", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/relative", false)]
    [InlineData("ftp://files.example", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_and_https_urls_are_acceptable_links(string? url, bool ok) =>
        Assert.Equal(ok, Link.IsAcceptableUrl(url));

    [Theory]
    [InlineData("/?cn=28&gd=12&tc=5247", "/?cn=28&gd=12&tc=5247")]
    [InlineData("/?tc=5247&cn=28&gd=12", "/?cn=28&gd=12&tc=5247")]
    [InlineData("/Tin-Tuc/", "/tin-tuc")]
    [InlineData("index.php?ID=5", "/index.php?id=5")]
    public void Old_addresses_are_normalized_for_lookup(string from, string expected) =>
        Assert.Equal(expected, Redirect.Normalize(from));
}
