using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Http;

namespace DoJ.Portal.UnitTests.Navigation;

public sealed class PathPrefixTests
{
    private static readonly PathString Base = new("/so-tu-phap");

    [Theory]
    [InlineData("https://example.gov.vn/so-tu-phap", "/so-tu-phap")]
    [InlineData("https://example.gov.vn/so-tu-phap/", "/so-tu-phap")]
    [InlineData("https://stp.hue.gov.vn", "")]
    [InlineData("https://stp.hue.gov.vn/", "")]
    [InlineData("not a url", "")]
    [InlineData(null, "")]
    public void The_prefix_is_the_path_of_the_base_url(string? baseUrl, string expected) =>
        Assert.Equal(expected, PathPrefix.From(baseUrl));

    [Theory]
    [InlineData("/tin-tuc/1/a", "/so-tu-phap/tin-tuc/1/a")]
    [InlineData("/", "/so-tu-phap/")]
    [InlineData("//evil.example/x", "//evil.example/x")]
    [InlineData("/\\evil.example", "/\\evil.example")]
    [InlineData("https://chinhphu.vn/", "https://chinhphu.vn/")]
    [InlineData("#noi-dung", "#noi-dung")]
    [InlineData("mailto:a@b.vn", "mailto:a@b.vn")]
    public void Only_site_relative_addresses_get_the_prefix(string url, string expected) =>
        Assert.Equal(expected, PathPrefix.Apply(Base, url));

    [Fact]
    public void Without_a_prefix_nothing_changes() =>
        Assert.Equal("/tin-tuc/1/a", PathPrefix.Apply(PathString.Empty, "/tin-tuc/1/a"));

    [Theory]
    [InlineData("/quan-tri", "/so-tu-phap/quan-tri")]
    [InlineData("/so-tu-phap/quan-tri", "/so-tu-phap/quan-tri")]
    [InlineData("/so-tu-phap", "/so-tu-phap")]
    [InlineData("/so-tu-phap?x=1", "/so-tu-phap?x=1")]
    [InlineData("/so-tu-phap-khac/x", "/so-tu-phap/so-tu-phap-khac/x")]
    public void A_redirect_gets_the_prefix_once(string location, string expected) =>
        Assert.Equal(expected, PathPrefix.ApplyOnce(Base, location));

    [Fact]
    public void A_stored_body_is_shown_with_the_prefix_and_saved_without_it()
    {
        const string stored = "<p><a href=\"/trang/lien-he\">Liên hệ</a> <img src=\"/media/2026/12/a.jpg\" alt=\"Ảnh\"> <a href=\"https://chinhphu.vn/\">CP</a> <a href=\"//x.example/\">x</a></p>";
        var shown = PathPrefix.InHtml(Base, stored);

        Assert.Contains("href=\"/so-tu-phap/trang/lien-he\"", shown, StringComparison.Ordinal);
        Assert.Contains("src=\"/so-tu-phap/media/2026/12/a.jpg\"", shown, StringComparison.Ordinal);
        Assert.Contains("href=\"https://chinhphu.vn/\"", shown, StringComparison.Ordinal);
        Assert.Contains("href=\"//x.example/\"", shown, StringComparison.Ordinal);
        Assert.Equal(stored, PathPrefix.OutOfHtml("/so-tu-phap", shown));
        Assert.Equal(stored, PathPrefix.InHtml(PathString.Empty, stored));
    }
}
