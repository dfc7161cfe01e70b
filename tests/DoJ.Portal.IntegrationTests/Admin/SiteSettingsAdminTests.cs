using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class SiteSettingsAdminTests
{
    private const string Page = "/quan-tri/cai-dat";

    /// <summary>The form as the browser would send it back: every field with its current value.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(StaffSession session)
    {
        var page = await session.GetAsync(Page);
        return page.QuerySelectorAll("form.settings-form input[name]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    private static async Task<HttpResponseMessage> SaveAsync(StaffSession session, Action<Dictionary<string, string>> change)
    {
        var form = await FormAsync(session);
        change(form);
        return await session.PostFormAsync(Page, Page, form);
    }

    [Fact]
    public async Task A_new_department_name_and_address_show_on_the_home_page_at_once()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var citizen = factory.CreatePlainClient();
        Assert.DoesNotContain("Sở Tư pháp tỉnh Hòa Bình Mới", await citizen.GetStringAsync("/"));

        using var saved = await SaveAsync(admin, f =>
        {
            f["SiteName"] = "Sở Tư pháp tỉnh Hòa Bình Mới";
            f["Address"] = "Số 01 Lê Lai, phường Thuận Hóa, thành phố Huế";
            f["FooterNote"] = "Ghi rõ nguồn khi phát hành lại thông tin từ trang này.";
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var home = await citizen.GetDocumentAsync("/");
        Assert.Contains("Sở Tư pháp tỉnh Hòa Bình Mới", home.QuerySelector(".site-banner")!.TextContent);
        Assert.Contains("Số 01 Lê Lai, phường Thuận Hóa", home.QuerySelector("footer")!.TextContent);
        Assert.Contains("Ghi rõ nguồn khi phát hành lại", home.QuerySelector("footer")!.TextContent);
    }

    [Fact]
    public async Task The_starting_visit_total_and_the_page_size_take_effect_on_the_public_site()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        using (await SaveAsync(admin, f =>
        {
            f["StartingVisitTotal"] = "1000000";
            f["ArticlesPerPage"] = "3";
        }))
        {
        }

        var category = await factory.CreatePlainClient().GetDocumentAsync("/chuyen-muc/tin-hoat-dong");
        Assert.Equal(3, category.QuerySelectorAll(".article-list .article-item").Length);
        Assert.Contains("1.000.", category.QuerySelector(".visit-counter")!.TextContent);
    }

    [Fact]
    public async Task A_banner_image_replaces_the_text_header_and_only_local_images_are_accepted()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        foreach (var hostile in new[] { "https://evil.example/banner.png", "javascript:alert(1)", "/media/../../etc/passwd.png", "//evil.example/a.png", "/media/a.png\" onerror=\"alert(1)" })
        {
            using var refused = await SaveAsync(admin, f => f["BannerPath"] = hostile);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Ảnh banner phải là một ảnh của trang", await refused.Content.ReadAsStringAsync());
        }

        Assert.Null(await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.BannerPath).SingleAsync()));
        using (await SaveAsync(admin, f => f["BannerPath"] = "/media/2026/11/banner-so-tu-phap.jpg"))
        {
        }

        var banner = (await factory.CreatePlainClient().GetDocumentAsync("/")).QuerySelector(".site-banner img.site-banner-image")!;
        Assert.Equal("/media/2026/11/banner-so-tu-phap.jpg", banner.GetAttribute("src"));
        Assert.Contains("Sở Tư pháp", banner.GetAttribute("alt"));
    }

    [Fact]
    public async Task The_base_url_from_the_settings_makes_canonical_links_and_feeds()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);

        foreach (var hostile in new[] { "ftp://stp.example.vn", "https://user:pass@stp.example.vn", "https://stp.example.vn/?x=1", "stp.example.vn", "javascript://stp.example.vn" })
        {
            using var refused = await SaveAsync(admin, f => f["BaseUrl"] = hostile);
            Assert.Contains("Địa chỉ trang phải là", await refused.Content.ReadAsStringAsync());
        }

        using (await SaveAsync(admin, f => f["BaseUrl"] = "https://STP.Hue.gov.vn/"))
        {
        }

        var citizen = factory.CreatePlainClient();
        var home = await citizen.GetDocumentAsync("/");
        Assert.Equal("https://stp.hue.gov.vn/", home.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("<link>https://stp.hue.gov.vn/</link>", await citizen.GetStringAsync("/rss"));
        Assert.Contains("<loc>https://stp.hue.gov.vn/tin-tuc/", (await SitemapReader.ReadAsync(citizen, "https://stp.hue.gov.vn")).Text, StringComparison.Ordinal);

        using (await SaveAsync(admin, f => f["BaseUrl"] = ""))
        {
        }

        Assert.DoesNotContain("stp.hue.gov.vn", await citizen.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("stp.hue.gov.vn", (await SitemapReader.ReadAsync(citizen)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_values_get_vietnamese_messages_and_change_nothing()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var before = await factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());

        using var refused = await SaveAsync(admin, f =>
        {
            f["SiteName"] = "";
            f["Email"] = "khong-phai-email";
            f["ArticlesPerPage"] = "0";
            f["HomeLatestCount"] = "abc";
            f["StartingVisitTotal"] = "-5";
            f["Phone"] = "<script>";
        });

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Vui lòng nhập tên cơ quan.", html);
        Assert.Contains("Địa chỉ email không hợp lệ.", html);
        Assert.Contains("Số bài mỗi trang chuyên mục phải là số từ 1 đến 100.", html);
        Assert.Contains("Số lượt truy cập ban đầu phải là số từ 0 đến", html);
        Assert.Contains("Số điện thoại chỉ gồm chữ số", html);
        var after = await factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal(before.SiteName, after.SiteName);
        Assert.Equal(before.ConcurrencyStamp, after.ConcurrencyStamp);
    }

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_and_shows_what_the_other_administrator_changed()
    {
        using var factory = new PortalWebApplicationFactory();
        var first = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var second = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var staleForm = await FormAsync(second);

        using (await SaveAsync(first, f => f["Phone"] = "0234 3822 111"))
        {
        }

        staleForm["Email"] = "lienhe@stp.example.vn";
        using var refused = await second.PostFormAsync(Page, Page, staleForm);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());

        Assert.NotNull(page.QuerySelector("#xung-dot"));
        Assert.Contains("0234 3822 111", page.QuerySelector("#xung-dot")!.TextContent);
        var stored = await factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal("0234 3822 111", stored.Phone);
        Assert.NotEqual("lienhe@stp.example.vn", stored.Email);
    }

    [Fact]
    public async Task A_change_is_audited_with_its_old_and_new_values()
    {
        using var factory = new PortalWebApplicationFactory();
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var oldName = await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.ResponsiblePerson).SingleAsync());

        using (await SaveAsync(admin, f => f["ResponsiblePerson"] = "Giám đốc Nguyễn Văn A"))
        {
        }

        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(SiteSettings)));
        Assert.Equal("Sửa", entry.Action);
        Assert.Contains("Giám đốc Nguyễn Văn A", entry.Changes);
        Assert.Contains(oldName, entry.Changes);
        Assert.DoesNotContain("Email", entry.Changes);
    }

    [Theory]
    [InlineData(PortalRoles.Editor)]
    [InlineData(PortalRoles.Contributor)]
    public async Task Only_administrators_reach_the_settings(string role)
    {
        using var factory = new PortalWebApplicationFactory();
        var staff = await StaffSession.SignInAsync(factory, role);

        using var response = await staff.Client.GetAsync(new Uri(Page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
