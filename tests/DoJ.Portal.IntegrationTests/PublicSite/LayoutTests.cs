using System.Net;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.PublicSite;

public sealed class LayoutTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    [Fact]
    public async Task Every_page_has_a_skip_link_landmarks_and_the_four_sidebar_widgets()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/trang/lien-he");

        Assert.Equal("#noi-dung", document.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#noi-dung"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.NotNull(document.QuerySelector("nav[aria-label='Menu chính']"));
        var widgets = document.QuerySelectorAll("aside .widget-title").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Tìm kiếm tin tức", "Liên kết website", "Thống kê lượt truy cập", "Xem tin theo ngày"], widgets);
        Assert.All(document.QuerySelectorAll("input, select"), control =>
            Assert.NotNull(document.QuerySelector($"label[for='{control.Id}']")));
    }

    [Fact]
    public async Task The_visit_counter_shows_the_carried_over_total_in_Vietnamese_format()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/");
        Assert.Equal("359.289", document.QuerySelector("[data-counter=total]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_link_directory_shows_the_four_seed_groups_and_external_links_open_safely()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/");
        var groups = document.QuerySelectorAll("aside .link-group-name").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Chính phủ", "Các Bộ, Ngành ở TW", "Tỉnh ủy, UBND Tỉnh", "Sở, Ban, Ngành"], groups);

        var external = document.QuerySelectorAll("aside a[href^='http']").ToList();
        Assert.NotEmpty(external);
        Assert.All(external, a =>
        {
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal("noopener noreferrer", a.GetAttribute("rel"));
        });
        Assert.Empty(document.QuerySelectorAll("[portal-external]"));
        Assert.All(document.QuerySelectorAll("aside form.link-group"), f =>
        {
            Assert.Equal("_blank", f.GetAttribute("target"));
            Assert.Equal("noopener noreferrer", f.GetAttribute("rel"));
        });
    }

    [Fact]
    public async Task A_link_group_drop_down_goes_only_to_stored_links()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/");
        var option = document.QuerySelector("aside form.link-group option")!;
        var client = factory.CreatePlainClient();

        using var go = await client.GetAsync(new Uri("/lien-ket?id=" + option.GetAttribute("value"), UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/lien-ket?id=987654", UriKind.Relative));
        using var junk = await client.GetAsync(new Uri("/lien-ket?id=https://evil.example", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, go.StatusCode);
        Assert.StartsWith("https://", go.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
    }

    [Fact]
    public async Task The_main_menu_comes_from_the_menu_table_with_one_level_of_children()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/");
        var top = document.QuerySelectorAll("#menu-chinh > ul > li > a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();

        Assert.Contains(("Trang chủ", "/"), top);
        Assert.Contains(("Giới thiệu", "/trang/gioi-thieu"), top);
        Assert.Contains(("Thủ tục hành chính", "/thu-tuc-hanh-chinh"), top);
        var children = document.QuerySelectorAll("#menu-chinh .dropdown-menu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/chuyen-muc/thi-dua-khen-thuong", children);
    }

    [Fact]
    public async Task The_English_page_declares_its_language()
    {
        var document = await factory.CreateClient().GetDocumentAsync("/en");
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("About us", document.QuerySelector("main h1")!.TextContent.Trim());
        // The Vietnamese chrome around it keeps its own language for screen readers.
        Assert.Equal("vi", document.QuerySelector("header")!.GetAttribute("lang"));
        Assert.Equal("vi", document.QuerySelector("aside")!.GetAttribute("lang"));
        Assert.Equal("vi", document.QuerySelector("footer")!.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/trang/khong-co")]
    [InlineData("/trang/ABOUT-US")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Unknown_addresses_are_a_Vietnamese_404_in_the_layout(string url)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Không tìm thấy trang", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/?cn=28&gd=12&tc=5247")]
    [InlineData("/?tc=5247&gd=12&cn=28")]
    [InlineData("/?CN=28&gd=12&tc=5247")]
    public async Task An_address_of_the_old_portal_answers_301_to_its_new_address(string url)
    {
        var (id, slug) = await factory.WithDbAsync(db => Task.FromResult(db.Articles.Where(a => a.Author == "Tiên An").Select(a => new ValueTuple<int, string>(a.Id, a.Slug)).Single()));

        using var response = await factory.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/tin-tuc/{id}/{slug}", response.Headers.Location!.OriginalString);
    }
}
