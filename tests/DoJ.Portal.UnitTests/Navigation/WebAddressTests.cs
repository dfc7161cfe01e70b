using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.UnitTests.Navigation;

public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://chinhphu.vn")]
    [InlineData("http://moj.gov.vn/path?x=1&y=2#muc")]
    [InlineData("HTTPS://Example.COM:8443/A")]
    [InlineData("https://thuathienhue.gov.vn/vi-vn/tin-tuc")]
    [InlineData("https://bộtưpháp.vn/tìm")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://[2001:db8::1]/")]
    public void Absolute_http_and_https_addresses_are_acceptable_links(string url)
    {
        Assert.Equal(WebAddressProblem.None, WebAddress.CheckAbsolute(url));
        Assert.True(Link.IsAcceptableUrl(url));
    }

    [Theory]
    [InlineData("javascript:alert(1)", WebAddressProblem.NotHttp)]
    [InlineData("JavaScript:alert(document.cookie)", WebAddressProblem.NotHttp)]
    [InlineData("javascript://example.com/%0aalert(1)", WebAddressProblem.NotHttp)]
    [InlineData("data:text/html,<script>alert(1)</script>", WebAddressProblem.NotHttp)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", WebAddressProblem.NotHttp)]
    [InlineData("vbscript:msgbox(1)", WebAddressProblem.NotHttp)]
    [InlineData("file:///etc/passwd", WebAddressProblem.NotHttp)]
    [InlineData("ftp://files.example.vn/", WebAddressProblem.NotHttp)]
    [InlineData("mailto:vanthu@stp.gov.vn", WebAddressProblem.NotHttp)]
    [InlineData("//evil.example/x", WebAddressProblem.NotHttp)]
    [InlineData("/relative/path", WebAddressProblem.NotHttp)]
    [InlineData("relative/path", WebAddressProblem.NotHttp)]
    [InlineData("chinhphu.vn", WebAddressProblem.NotHttp)]
    [InlineData("http:/x", WebAddressProblem.NotHttp)]
    [InlineData("http:evil.example", WebAddressProblem.NotHttp)]
    [InlineData("https:evil.example", WebAddressProblem.NotHttp)]
    [InlineData("%6Aavascript:alert(1)", WebAddressProblem.NotHttp)]
    [InlineData("&#106;avascript:alert(1)", WebAddressProblem.NotHttp)]
    [InlineData("http:\\\\evil.example", WebAddressProblem.Backslash)]
    [InlineData("https://good.vn\\@evil.example", WebAddressProblem.Backslash)]
    [InlineData("http://user:pass@host.vn/", WebAddressProblem.Credentials)]
    [InlineData("https://chinhphu.vn@evil.example/", WebAddressProblem.Credentials)]
    [InlineData("http://@evil.example/", WebAddressProblem.Credentials)]
    [InlineData("http:///evil.example", WebAddressProblem.Invalid)]
    [InlineData("http://", WebAddressProblem.Invalid)]
    [InlineData("https://host:99999/", WebAddressProblem.Invalid)]
    [InlineData("https://exa<mple.vn/", WebAddressProblem.Invalid)]
    [InlineData(" https://chinhphu.vn", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinhphu.vn ", WebAddressProblem.WhitespaceOrControl)]
    [InlineData(" JAVASCRIPT:alert(1)", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("java\tscript:alert(1)", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinh phu.vn", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinhphu.vn/\nSet-Cookie:x", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinhphu.vn/\0", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinh\u200Bphu.vn", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinhphu.vn/\u202Egpj.exe", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("https://chinhphu.vn/\u00A0", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("", WebAddressProblem.Empty)]
    [InlineData(null, WebAddressProblem.Empty)]
    public void Hostile_or_broken_addresses_are_refused_with_their_reason(string? url, WebAddressProblem expected)
    {
        Assert.Equal(expected, WebAddress.CheckAbsolute(url));
        Assert.False(Link.IsAcceptableUrl(url));
    }

    [Theory]
    [InlineData(WebAddressProblem.Empty)]
    [InlineData(WebAddressProblem.WhitespaceOrControl)]
    [InlineData(WebAddressProblem.Backslash)]
    [InlineData(WebAddressProblem.NotHttp)]
    [InlineData(WebAddressProblem.Credentials)]
    [InlineData(WebAddressProblem.Invalid)]
    [InlineData(WebAddressProblem.NotSiteRelative)]
    public void Every_refusal_has_a_Vietnamese_message(WebAddressProblem problem) =>
        Assert.StartsWith(problem == WebAddressProblem.Empty ? "Vui lòng" : problem == WebAddressProblem.NotHttp ? "Chỉ chấp nhận" : "Địa chỉ", problem.ToVietnamese(), StringComparison.Ordinal);

    [Theory]
    [InlineData("/tin-tuc/12/bai-viet", WebAddressProblem.None)]
    [InlineData("/?cn=28&gd=12", WebAddressProblem.None)]
    [InlineData("/", WebAddressProblem.None)]
    [InlineData("//evil.example", WebAddressProblem.NotSiteRelative)]
    [InlineData("/\\evil.example", WebAddressProblem.Backslash)]
    [InlineData("tin-tuc/12", WebAddressProblem.NotSiteRelative)]
    [InlineData("javascript:alert(1)", WebAddressProblem.NotSiteRelative)]
    [InlineData("/tin tuc", WebAddressProblem.WhitespaceOrControl)]
    [InlineData("/\t/evil.example", WebAddressProblem.WhitespaceOrControl)]
    public void A_site_address_has_exactly_one_leading_slash(string url, WebAddressProblem expected) =>
        Assert.Equal(expected, WebAddress.CheckSiteRelative(url));

    [Theory]
    [InlineData("https://chinhphu.vn/A?b=C", "https://chinhphu.vn/A?b=C")]
    [InlineData("https://bộtưpháp.vn/tìm?q=á", "https://xn--btphp-0qa06li33k.vn/t%C3%ACm?q=%C3%A1")]
    [InlineData("/chuyên-mục/tin", "/chuy%C3%AAn-m%E1%BB%A5c/tin")]
    public void Addresses_are_stored_as_ascii_so_they_fit_a_Location_header(string url, string expected)
    {
        var ascii = WebAddress.ToAscii(url);
        Assert.Equal(expected, ascii);
        Assert.All(ascii, c => Assert.True(char.IsAscii(c)));
    }
}
