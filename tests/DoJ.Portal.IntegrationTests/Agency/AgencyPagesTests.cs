using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Agency;

/// <summary>The leadership, contact-official and English pages, the officials' admin screens, the header's language link and reading tools, and the share links.</summary>
public sealed class AgencyPagesTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private Task<int> AddOfficialAsync(OfficialRole role, string name, string unit, bool published = true) =>
        factory.WithDbAsync(async db =>
        {
            var official = new Official
            {
                Role = role,
                FullName = name,
                Position = role == OfficialRole.Leadership ? "Phó Giám đốc" : "Trưởng phòng",
                PositionEn = role == OfficialRole.Leadership ? "Deputy Director" : "Head of Division",
                Unit = unit,
                UnitEn = unit + " (EN)",
                Phone = "(0234) 3822 999",
                Email = "kiemthu@stp.example.invalid",
                Duties = role == OfficialRole.Leadership ? "Phụ trách kiểm thử." : null,
                SortOrder = 100_000,
                IsPublished = published,
                UpdatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.Officials.Add(official);
            await db.SaveChangesAsync();
            // Written behind the editors' back: evict the agency pages as a save does.
            await factory.Services.GetRequiredService<Web.Caching.PublicCache>().AgencyChangedAsync();
            return official.Id;
        });

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task The_leadership_page_lists_the_director_and_deputies_with_position_unit_phone_email_and_duties()
    {
        var name = Unique("Phan Văn Kiểm");
        var id = await AddOfficialAsync(OfficialRole.Leadership, name, "Lãnh đạo Sở");
        var hidden = await AddOfficialAsync(OfficialRole.Leadership, Unique("Ẩn Danh"), "Lãnh đạo Sở", published: false);

        var page = await factory.CreateClient().GetDocumentAsync(SiteUrls.Leadership);

        Assert.Equal("Lãnh đạo Sở", page.QuerySelector("main h1")!.TextContent.Trim());
        var mine = page.QuerySelector($"[data-official='{id}']")!;
        Assert.Contains(name, mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("Phó Giám đốc", mine.TextContent, StringComparison.Ordinal);
        Assert.Contains("Phụ trách kiểm thử.", mine.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:02343822999", mine.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Equal("mailto:kiemthu@stp.example.invalid", mine.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector($"[data-official='{hidden}']"));
        Assert.Contains(page.QuerySelectorAll(".official-position"), p => p.TextContent.Trim() == "Giám đốc");
    }

    [Fact]
    public async Task The_contact_officials_page_groups_officials_by_unit()
    {
        var unit = Unique("Phòng Kiểm thử");
        var first = await AddOfficialAsync(OfficialRole.ContactOfficial, Unique("Lê Thị Một"), unit);
        var second = await AddOfficialAsync(OfficialRole.ContactOfficial, Unique("Lê Văn Hai"), unit);

        var page = await factory.CreateClient().GetDocumentAsync(SiteUrls.ContactOfficials);

        var section = page.QuerySelectorAll("section.official-unit").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == unit);
        Assert.NotNull(section.QuerySelector($"[data-official='{first}']"));
        Assert.NotNull(section.QuerySelector($"[data-official='{second}']"));
        Assert.Contains(page.QuerySelectorAll("section.official-unit h2"), h => h.TextContent.Trim() == "Văn phòng Sở");
    }

    [Theory]
    [InlineData("/trang/lanh-dao", SiteUrls.Leadership)]
    [InlineData("/trang/about-us", SiteUrls.English)]
    public async Task The_old_demo_static_pages_answer_301_to_the_new_pages(string old, string target)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri(old, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_English_page_is_in_English_with_the_settings_contact_and_the_officials_English_positions()
    {
        var name = Unique("Trần Văn Anh");
        var unit = Unique("Phòng Tiếng Anh");
        await AddOfficialAsync(OfficialRole.ContactOfficial, name, unit);
        var settings = await factory.WithDbAsync(db => db.SiteSettings.SingleAsync());

        var page = await factory.CreateClient().GetDocumentAsync(SiteUrls.English);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("vi", page.QuerySelector("header")!.GetAttribute("lang"));
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Functions and tasks", main, StringComparison.Ordinal);
        Assert.Contains("Organisation structure", main, StringComparison.Ordinal);
        Assert.Contains(settings.Address, main, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"main a[href='mailto:{settings.Email}']"));
        Assert.Contains(unit + " (EN)", main, StringComparison.Ordinal);
        Assert.Contains("Head of Division", main, StringComparison.Ordinal);
        Assert.Contains("Director", main, StringComparison.Ordinal);
        var back = page.QuerySelector("header a.language-link")!;
        Assert.Equal("Tiếng Việt", back.TextContent.Trim());
        Assert.Equal("vi", back.GetAttribute("lang"));
        Assert.Equal("/", back.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/trang/lien-he")]
    [InlineData("/chuyen-muc/tin-hoat-dong")]
    [InlineData(SiteUrls.Documents)]
    [InlineData(SiteUrls.Videos)]
    [InlineData(SiteUrls.Procedures)]
    [InlineData(SiteUrls.Leadership)]
    [InlineData("/tim-kiem?q=tu+phap")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Every_kind_of_page_has_the_English_link_and_the_reading_tools_in_its_header(string url)
    {
        var page = await factory.CreateClient().GetDocumentAsync(url);

        var english = page.QuerySelector("header a.language-link")!;
        Assert.Equal("English", english.TextContent.Trim());
        Assert.Equal("en", english.GetAttribute("lang"));
        Assert.Equal(SiteUrls.English, english.GetAttribute("href"));
        var tools = page.QuerySelector("header [data-reading-tools]")!;
        Assert.Equal("group", tools.GetAttribute("role"));
        Assert.Equal(3, tools.QuerySelectorAll("button[type=button][data-text-size]").Length);
        Assert.Equal("false", tools.QuerySelector("button[data-contrast]")!.GetAttribute("aria-pressed"));
        Assert.Equal("polite", tools.QuerySelector("[data-reading-status]")!.GetAttribute("aria-live"));
        Assert.Contains(page.QuerySelectorAll("head script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/reading-tools", StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Articles_documents_and_videos_carry_plain_share_links_with_encoded_addresses()
    {
        var (articleId, articleSlug, title) = await factory.WithDbAsync(db => db.Articles.Where(a => a.Status == Domain.Articles.ArticleStatus.Published && a.PublishedAtUtc < factory.Clock.GetUtcNow().UtcDateTime)
            .OrderBy(a => a.Id).Select(a => new ValueTuple<int, string, string>(a.Id, a.Slug, a.Title)).FirstAsync());
        var (documentId, documentSlug) = await factory.WithDbAsync(db => db.LegalDocuments.OrderBy(d => d.Id).Select(d => new ValueTuple<int, string>(d.Id, d.Slug)).FirstAsync());
        var client = factory.CreateClient();

        var article = await client.GetDocumentAsync(SiteUrls.Article(articleId, articleSlug));
        var document = await client.GetDocumentAsync(SiteUrls.Document(documentId, documentSlug));

        var canonical = "https://portal.example.vn" + SiteUrls.Article(articleId, articleSlug);
        var share = article.QuerySelector("main .share-links")!;
        Assert.Equal("https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(canonical), share.QuerySelector("a[data-share=facebook]")!.GetAttribute("href"));
        var mail = share.QuerySelector("a[data-share=email]")!.GetAttribute("href")!;
        Assert.Equal("mailto:?subject=" + Uri.EscapeDataString(title) + "&body=" + Uri.EscapeDataString(title + "\r\n" + canonical), mail);
        Assert.DoesNotContain(" ", mail, StringComparison.Ordinal);
        Assert.Equal(canonical, share.QuerySelector("button[data-copy-link]")!.GetAttribute("data-copy-link"));
        Assert.Equal(canonical, share.QuerySelector("input[data-copy-field]")!.GetAttribute("value"));
        Assert.All(share.QuerySelectorAll("a"), a => Assert.Contains("noopener", a.GetAttribute("rel") ?? "", StringComparison.Ordinal));
        Assert.Empty(share.QuerySelectorAll("script, iframe"));
        Assert.DoesNotContain("utm_", share.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("main .share-links a[data-share=facebook]"));
    }

    [Fact]
    public async Task Only_administrators_manage_officials_and_each_change_is_audited_and_evicts_the_pages()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        using (var refused = await editor.Client.GetAsync(new Uri(AdminUrls.Officials, UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        var anonymous = factory.CreateClient();
        Assert.NotNull((await anonymous.GetDocumentAsync(SiteUrls.Leadership)).QuerySelector("main h1")); // cached now
        var name = Unique("Nguyễn Thị Mới");
        var fields = new Dictionary<string, string>
        {
            ["Role"] = "Leadership",
            ["FullName"] = name,
            ["Position"] = "Phó Giám đốc",
            ["PositionEn"] = "Deputy Director",
            ["Unit"] = "Lãnh đạo Sở",
            ["UnitEn"] = "Board of Directors",
            ["Phone"] = "0234 3822 111",
            ["Email"] = "ntmoi@stp.example.invalid",
            ["Duties"] = "Công tác kiểm thử.",
            ["IsPublished"] = "true",
        };
        using (var created = await admin.PostFormAsync(AdminUrls.New(AdminUrls.Officials), AdminUrls.New(AdminUrls.Officials), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var official = await factory.WithDbAsync(db => db.Officials.SingleAsync(o => o.FullName == name));
        Assert.Contains(name, (await anonymous.GetDocumentAsync(SiteUrls.Leadership)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var badPhone = new Dictionary<string, string>(fields) { ["Phone"] = "12345", ["ConcurrencyStamp"] = official.ConcurrencyStamp.ToString() };
        var editPath = AdminUrls.Edit(AdminUrls.Officials, official.Id);
        using (var invalid = await admin.PostFormAsync(editPath, editPath, badPhone))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            Assert.Contains("Số điện thoại không hợp lệ", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (await admin.PostFormAsync(AdminUrls.Officials, AdminUrls.Of(AdminUrls.Officials, official.Id, AdminUrls.Segments.Up), new Dictionary<string, string>()))
        {
        }

        using (await admin.PostFormAsync(AdminUrls.Officials, AdminUrls.Of(AdminUrls.Officials, official.Id, AdminUrls.Segments.Unpublish), new Dictionary<string, string>()))
        {
        }

        Assert.DoesNotContain(name, (await anonymous.GetDocumentAsync(SiteUrls.Leadership)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0234 3822 111", await factory.WithDbAsync(db => db.Officials.Where(o => o.Id == official.Id).Select(o => o.Phone!).SingleAsync()));
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Official) && e.EntityId == official.Id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Tạo", "Sắp xếp", "Gỡ xuống"], actions);
    }
}
