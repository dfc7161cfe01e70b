using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Agency;

/// <summary>The public procedures directory, a procedure's page, and the editors' screens that change them.</summary>
public sealed class ProcedureDirectoryTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private static int counter;

    private static string Unique(string name) => $"{name} {Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture)}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A procedure straight into the database, in the field with <paramref name="fieldSlug"/>.</summary>
    private Task<(int Id, string Slug)> AddAsync(string name, string fieldSlug = "ly-lich-tu-phap", bool published = true, string code = "9.990001", string? description = null) =>
        factory.WithDbAsync(async db =>
        {
            var field = await db.RegisterTerms.SingleAsync(t => t.Kind == RegisterTermKind.Field && t.Slug == fieldSlug);
            var procedure = new Procedure
            {
                Name = name,
                Slug = Slug.From(name, Procedure.SlugMaxLength),
                NationalCode = code,
                FieldId = field.Id,
                Level = ProcedureLevel.Province,
                Description = description ?? "Mô tả thủ tục dùng cho kiểm thử.",
                HandledBy = "Sở Tư pháp",
                NationalPortalUrl = NationalPortal.SearchUrl(code),
                SortOrder = 100_000 + counter,
                IsPublished = published,
                UpdatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            };
            db.Procedures.Add(procedure);
            await db.SaveChangesAsync();
            // Written behind the editors' back: evict the agency pages as a save does.
            await factory.Services.GetRequiredService<Web.Caching.PublicCache>().AgencyChangedAsync();
            return (procedure.Id, procedure.Slug);
        });

    private static IEnumerable<int> Listed(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-procedure]").Select(e => int.Parse(e.GetAttribute("data-procedure")!, CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_demo_directory_lists_about_twenty_procedures_each_linking_to_the_national_portal()
    {
        var page = await factory.CreateClient().GetDocumentAsync(SiteUrls.Procedures + "?trang=1");

        Assert.Equal("Thủ tục hành chính", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.InRange(await factory.WithDbAsync(db => db.Procedures.CountAsync(p => p.IsPublished)), 18, 30);
        var links = page.QuerySelectorAll("main .procedure-item a[href^='http']").ToList();
        Assert.NotEmpty(links);
        Assert.All(links, a =>
        {
            Assert.StartsWith(NationalPortal.SearchBase, a.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal("noopener noreferrer", a.GetAttribute("rel"));
        });
        Assert.NotNull(page.QuerySelector("select[name='linh-vuc'] option[value='ly-lich-tu-phap']"));
    }

    [Fact]
    public async Task A_folded_search_finds_a_procedure_by_name_description_or_code()
    {
        var (byName, _) = await AddAsync(Unique("Cấp Phiếu lý lịch tư pháp số 2 kiểm thử"));
        var (byDescription, _) = await AddAsync(Unique("Thủ tục kiểm thử mô tả"), "chung-thuc", description: "Dùng khi cần phiếu Lý Lịch Tư Pháp gấp.");
        var (byCode, _) = await AddAsync(Unique("Thủ tục kiểm thử mã"), "chung-thuc", code: "7.123457");
        var (other, _) = await AddAsync(Unique("Đăng ký khai sinh kiểm thử"), "ho-tich");
        var client = factory.CreateClient();

        var folded = Listed(await client.GetDocumentAsync(SiteUrls.Procedures + "?q=ly+lich+tu+phap+kiem")).ToList();
        var description = Listed(await client.GetDocumentAsync(SiteUrls.Procedures + "?q=" + Uri.EscapeDataString("phiếu lý lịch tư pháp gấp"))).ToList();
        var code = Listed(await client.GetDocumentAsync(SiteUrls.Procedures + "?q=7.123457")).ToList();

        Assert.Contains(byName, folded);
        Assert.DoesNotContain(other, folded);
        Assert.Contains(byDescription, description);
        Assert.Equal([byCode], code);
    }

    [Fact]
    public async Task The_field_filter_keeps_only_that_field_and_an_unknown_field_lists_nothing()
    {
        var (inField, _) = await AddAsync(Unique("Thủ tục quốc tịch kiểm thử"), "quoc-tich");
        var (elsewhere, _) = await AddAsync(Unique("Thủ tục công chứng kiểm thử"), "cong-chung");
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync(SiteUrls.Procedures + "?linh-vuc=quoc-tich&trang=1");
        var unknown = await client.GetDocumentAsync(SiteUrls.Procedures + "?linh-vuc=khong-co");

        var listed = Listed(page).ToList();
        Assert.Contains(inField, listed);
        Assert.DoesNotContain(elsewhere, listed);
        Assert.All(page.QuerySelectorAll(".procedure-item .article-meta"), m => Assert.Contains("Lĩnh vực: Quốc tịch", m.TextContent, StringComparison.Ordinal));
        Assert.Empty(Listed(unknown));
    }

    [Theory]
    [InlineData("?trang=0")]
    [InlineData("?trang=abc")]
    [InlineData("?linh-vuc=Ho%20Tich")]
    public async Task Malformed_filters_answer_400(string query)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(SiteUrls.Procedures + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_directory_is_paged_and_a_page_past_the_end_is_a_404()
    {
        var client = factory.CreateClient();
        var first = await client.GetDocumentAsync(SiteUrls.Procedures);
        var second = await client.GetDocumentAsync(SiteUrls.Procedures + "?trang=2");
        using var past = await client.GetAsync(new Uri(SiteUrls.Procedures + "?trang=999", UriKind.Relative));

        Assert.Equal(Web.Controllers.ProcedureController.PageSize, Listed(first).Count());
        Assert.NotEmpty(Listed(second));
        Assert.Empty(Listed(first).Intersect(Listed(second)));
        Assert.NotNull(first.QuerySelector("nav.pager a[href*='trang=2']"));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [Fact]
    public async Task A_procedure_page_shows_its_facts_and_outbound_link_and_answers_301_on_a_wrong_slug_and_404_when_unknown_or_unpublished()
    {
        var (id, slug) = await AddAsync(Unique("Cấp Phiếu lý lịch tư pháp cho trang chi tiết"), code: "2.000488");
        var (hidden, hiddenSlug) = await AddAsync(Unique("Thủ tục chưa xuất bản"), published: false);
        var client = factory.CreatePlainClient();

        var page = await client.GetDocumentAsync(SiteUrls.Procedure(id, slug));
        using var wrong = await client.GetAsync(new Uri(SiteUrls.Procedures + $"/{id}/sai-duong-dan", UriKind.Relative));
        using var bare = await client.GetAsync(new Uri(SiteUrls.Procedures + $"/{id}", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri(SiteUrls.Procedures + "/987654/khong-co", UriKind.Relative));
        using var unpublished = await client.GetAsync(new Uri(SiteUrls.Procedure(hidden, hiddenSlug), UriKind.Relative));

        Assert.Contains("Cấp Phiếu lý lịch tư pháp cho trang chi tiết", page.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2.000488", page.QuerySelector(".procedure-facts .procedure-code")!.TextContent.Trim());
        Assert.Contains("Cấp tỉnh", page.QuerySelector(".procedure-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?key=2.000488", page.QuerySelector("a[data-national-portal]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.MovedPermanently, wrong.StatusCode);
        Assert.Equal(SiteUrls.Procedure(id, slug), wrong.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
    }

    [Fact]
    public async Task Only_editors_and_administrators_reach_the_procedures_screens()
    {
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var anonymous = factory.CreatePlainClient();

        using var refused = await contributor.Client.GetAsync(new Uri(AdminUrls.Procedures, UriKind.Relative));
        using var allowed = await editor.Client.GetAsync(new Uri(AdminUrls.Procedures, UriKind.Relative));
        using var signIn = await anonymous.GetAsync(new Uri(AdminUrls.Procedures, UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains(SiteUrls.AccessDenied, StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private static Dictionary<string, string> Form(string name, int fieldId, string url = "", string code = "1.009999") => new()
    {
        ["Name"] = name,
        ["NationalCode"] = code,
        ["FieldId"] = fieldId.ToString(CultureInfo.InvariantCulture),
        ["Level"] = "Commune",
        ["Description"] = "Mô tả ngắn cho biên tập viên.",
        ["HandledBy"] = "Ủy ban nhân dân cấp xã",
        ["NationalPortalUrl"] = url,
        ["IsPublished"] = "true",
    };

    private Task<int> FieldIdAsync(string slug) =>
        factory.WithDbAsync(db => db.RegisterTerms.Where(t => t.Kind == RegisterTermKind.Field && t.Slug == slug).Select(t => t.Id).SingleAsync());

    private Task<List<string>> AuditActionsAsync(int id) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Procedure) && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Theory]
    [InlineData("https://evil.example/dichvucong.gov.vn")]
    [InlineData("https://dichvucong.gov.vn.evil.example/p")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://dichvucong.gov.vn/x")]
    [InlineData("https://user@dichvucong.gov.vn/")]
    public async Task A_link_off_the_national_portal_is_refused_with_a_Vietnamese_message_and_nothing_is_stored(string url)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var name = Unique("Thủ tục liên kết sai");
        using var response = await editor.PostFormAsync(AdminUrls.New(AdminUrls.Procedures), AdminUrls.New(AdminUrls.Procedures), Form(name, await FieldIdAsync("ho-tich"), url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("dichvucong.gov.vn", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Procedures.AnyAsync(p => p.Name == name)));
    }

    [Fact]
    public async Task An_editor_creates_edits_orders_unpublishes_and_deletes_a_procedure_each_audited()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var name = Unique("Đăng ký giám hộ kiểm thử");
        using (var created = await editor.PostFormAsync(AdminUrls.New(AdminUrls.Procedures), AdminUrls.New(AdminUrls.Procedures),
            Form(name, await FieldIdAsync("ho-tich"), "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=123")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var saved = await factory.WithDbAsync(db => db.Procedures.SingleAsync(p => p.Name == name));
        Assert.Equal(ProcedureLevel.Commune, saved.Level);
        Assert.Equal("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=123", saved.NationalPortalUrl);
        var id = saved.Id;
        var editPath = AdminUrls.Edit(AdminUrls.Procedures, id);

        var fields = Form(name + " (sửa)", saved.FieldId, "", "1.009998");
        fields["ConcurrencyStamp"] = saved.ConcurrencyStamp.ToString();
        using (var edited = await editor.PostFormAsync(editPath, editPath, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        var after = await factory.WithDbAsync(db => db.Procedures.SingleAsync(p => p.Id == id));
        Assert.Equal(name + " (sửa)", after.Name);
        Assert.Equal(NationalPortal.SearchUrl("1.009998"), after.NationalPortalUrl);

        var list = AdminUrls.Procedures;
        using (await editor.PostFormAsync(list, AdminUrls.Of(AdminUrls.Procedures, id, AdminUrls.Segments.Up), new Dictionary<string, string>()))
        {
        }

        using (await editor.PostFormAsync(list, AdminUrls.Of(AdminUrls.Procedures, id, AdminUrls.Segments.Unpublish), new Dictionary<string, string>()))
        {
        }

        using (var gone = await factory.CreatePlainClient().GetAsync(new Uri(SiteUrls.Procedure(id, after.Slug), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using (await editor.PostFormAsync(list, AdminUrls.Of(AdminUrls.Procedures, id, AdminUrls.Segments.Delete), new Dictionary<string, string>()))
        {
        }

        Assert.False(await factory.WithDbAsync(db => db.Procedures.AnyAsync(p => p.Id == id)));
        Assert.Equal(["Tạo", "Sửa", "Sắp xếp", "Gỡ xuống", "Xóa"], await AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_stale_save_answers_409_with_the_differences_and_keeps_the_first_save()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var (id, _) = await AddAsync(Unique("Thủ tục hai người sửa"));
        var stamp = await factory.WithDbAsync(db => db.Procedures.Where(p => p.Id == id).Select(p => p.ConcurrencyStamp).SingleAsync());
        var fieldId = await FieldIdAsync("ly-lich-tu-phap");
        var editPath = AdminUrls.Edit(AdminUrls.Procedures, id);

        var first = Form("Bản của người thứ nhất", fieldId);
        first["ConcurrencyStamp"] = stamp.ToString();
        using (var ok = await editor.PostFormAsync(editPath, editPath, first))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var second = Form("Bản của người thứ hai", fieldId);
        second["ConcurrencyStamp"] = stamp.ToString();
        using var stale = await editor.PostFormAsync(editPath, editPath, second);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await HtmlReader.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Bản của người thứ nhất", page.QuerySelector("#xung-dot .diff-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", await factory.WithDbAsync(db => db.Procedures.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_edit_evicts_the_cached_directory_and_procedure_page()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var name = Unique("Thủ tục trong bộ nhớ đệm");
        var (id, slug) = await AddAsync(name);
        var anonymous = factory.CreateClient();
        var listUrl = SiteUrls.Procedures + "?q=" + Uri.EscapeDataString(name);
        Assert.Contains(name, (await anonymous.GetDocumentAsync(listUrl)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, (await anonymous.GetDocumentAsync(SiteUrls.Procedure(id, slug))).QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);

        var saved = await factory.WithDbAsync(db => db.Procedures.SingleAsync(p => p.Id == id));
        var fields = Form(name, saved.FieldId);
        fields["Description"] = "Mô tả mới sau khi sửa.";
        fields["Slug"] = slug;
        fields["ConcurrencyStamp"] = saved.ConcurrencyStamp.ToString();
        var editPath = AdminUrls.Edit(AdminUrls.Procedures, id);
        using (var edited = await editor.PostFormAsync(editPath, editPath, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        }

        Assert.Contains("Mô tả mới sau khi sửa.", (await anonymous.GetDocumentAsync(listUrl)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mô tả mới sau khi sửa.", (await anonymous.GetDocumentAsync(SiteUrls.Procedure(id, slug))).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_item_Thu_tuc_hanh_chinh_leads_to_the_directory()
    {
        var home = await factory.CreateClient().GetDocumentAsync("/");
        var item = home.QuerySelectorAll("#menu-chinh > ul > li > a").Single(a => a.TextContent.Trim().StartsWith("Thủ tục hành chính", StringComparison.Ordinal));
        Assert.Equal(SiteUrls.Procedures, item.GetAttribute("href"));
    }
}
