using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class StaticPageAdminTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string ListPath = "/quan-tri/trang";
    private const string CreatePath = "/quan-tri/trang/tao";

    private static string EditPath(int id) => $"/quan-tri/trang/{id}/sua";

    private static Dictionary<string, string> NewPage(string title, string body = "<p>Nội dung trang.</p>", string language = "vi", bool published = true, string slug = "")
    {
        var form = new Dictionary<string, string> { ["Title"] = title, ["Slug"] = slug, ["Body"] = body, ["Language"] = language };
        if (published)
        {
            form["IsPublished"] = "true";
        }

        return form;
    }

    /// <summary>The fields of the edit form as the browser would send them back unchanged.</summary>
    private static async Task<Dictionary<string, string>> ReadFormAsync(StaffSession session, int id)
    {
        var page = await session.GetAsync(EditPath(id));
        var form = page.QuerySelector("form#form-trang")!;
        var fields = new Dictionary<string, string>
        {
            ["Title"] = ((IHtmlInputElement)form.QuerySelector("[name=Title]")!).Value,
            ["Slug"] = ((IHtmlInputElement)form.QuerySelector("[name=Slug]")!).Value,
            ["Body"] = ((IHtmlTextAreaElement)form.QuerySelector("[name=Body]")!).Value,
            ["Language"] = ((IHtmlSelectElement)form.QuerySelector("[name=Language]")!).Value!,
            ["ConcurrencyStamp"] = ((IHtmlInputElement)form.QuerySelector("[name=ConcurrencyStamp]")!).Value,
        };
        if (((IHtmlInputElement)form.QuerySelector("[name=IsPublished]")!).IsChecked)
        {
            fields["IsPublished"] = "true";
        }

        return fields;
    }

    private static async Task<int> CreateAsync(StaffSession session, Dictionary<string, string> form)
    {
        using var created = await session.PostFormAsync(CreatePath, CreatePath, form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture); // /quan-tri/trang/{id}/sua
    }

    private static async Task SaveAsync(StaffSession session, int id, Dictionary<string, string> form)
    {
        using var saved = await session.PostFormAsync(EditPath(id), EditPath(id), form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private Task<StaticPage> LoadAsync(int id) => factory.WithDbAsync(db => db.StaticPages.AsNoTracking().SingleAsync(p => p.Id == id));

    private async Task<HttpResponseMessage> PublicAsync(string path) =>
        await factory.CreatePlainClient().GetAsync(new Uri(path, UriKind.Relative));

    private Task<List<string>> AuditActionsAsync(string entityType, int id) =>
        factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == entityType && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task An_editor_creates_an_English_page_that_the_public_site_serves_with_lang_en()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        var id = await CreateAsync(editor, NewPage("Legal aid for foreign residents", "<p>Free legal aid is available to eligible people.</p>", language: "en"));

        var page = await LoadAsync(id);
        Assert.Equal("legal-aid-for-foreign-residents", page.Slug);
        using var response = await PublicAsync("/trang/legal-aid-for-foreign-residents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Legal aid for foreign residents", html.QuerySelector("h1")!.TextContent);
        Assert.Contains("Free legal aid is available", html.QuerySelector(".static-page")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("vi", html.QuerySelector("header.site-header")!.GetAttribute("lang"));

        var list = await editor.GetAsync(ListPath);
        var row = list.QuerySelector($"tr[data-page='{id}']")!;
        Assert.Contains("Tiếng Anh", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã xuất bản", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("bởi Editor", row.TextContent, StringComparison.Ordinal);
        var created = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == nameof(StaticPage) && e.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal("Tạo", created.Action);
        Assert.Contains("\"Ngôn ngữ\":{\"old\":null,\"new\":\"en\"}", created.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Vietnamese_page_stays_lang_vi_and_an_unknown_language_is_refused()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.StaticPages.CountAsync());

        using var refused = await editor.PostFormAsync(CreatePath, CreatePath, NewPage("Page en français", language: "fr"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ngôn ngữ chỉ có thể là tiếng Việt hoặc tiếng Anh.", form.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.StaticPages.CountAsync()));

        var id = await CreateAsync(editor, NewPage("Hướng dẫn trợ giúp pháp lý"));
        var html = await factory.CreateClient().GetDocumentAsync("/trang/" + (await LoadAsync(id)).Slug);
        Assert.Equal("vi", html.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_slug_taken_by_another_page_is_refused_with_a_message()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        using var refused = await editor.PostFormAsync(CreatePath, CreatePath, NewPage("Liên hệ mới", slug: "lien-he"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Đường dẫn này đã được trang khác sử dụng.", form.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.StaticPages.CountAsync(p => p.Slug == "lien-he")));
    }

    [Fact]
    public async Task A_hostile_body_is_stored_sanitized_and_the_public_page_has_none_of_it()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        const string hostile = "<p>Giờ làm việc</p><script>alert('s')</script><img src=\"x\" onerror=\"alert('e')\"><a href=\"javascript:alert('j')\">bấm vào đây</a>";

        var id = await CreateAsync(editor, NewPage("Trang có mã độc", hostile));

        var page = await LoadAsync(id);
        Assert.Contains("<p>Giờ làm việc</p>", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page.Body, StringComparison.OrdinalIgnoreCase);
        var html = await factory.CreateClient().GetStringAsync(new Uri("/trang/" + page.Slug, UriKind.Relative));
        Assert.Contains("Giờ làm việc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", (await factory.WithDbAsync(db => db.StaticPageRevisions.SingleAsync(r => r.StaticPageId == id))).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_save_adds_a_revision_and_restoring_an_earlier_one_brings_its_text_back_publicly()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var id = await CreateAsync(editor, NewPage("Lịch tiếp công dân", "<p>Tiếp công dân vào thứ Năm hằng tuần.</p>"));
        var slug = (await LoadAsync(id)).Slug;

        var form = await ReadFormAsync(editor, id);
        form["Body"] = "<p>Tiếp công dân vào thứ Hai và thứ Năm.</p>";
        await SaveAsync(editor, id, form);

        var revisions = await factory.WithDbAsync(db => db.StaticPageRevisions.Where(r => r.StaticPageId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, revisions.Count);
        Assert.Contains("thứ Hai và thứ Năm", await factory.CreateClient().GetStringAsync(new Uri("/trang/" + slug, UriKind.Relative)), StringComparison.Ordinal);
        var listed = await editor.GetAsync($"/quan-tri/trang/{id}/phien-ban?xem={revisions[0].Id}");
        Assert.Equal(2, listed.QuerySelectorAll("tr[data-revision]").Length);
        Assert.Contains("vào thứ Năm hằng tuần", listed.QuerySelector("#xem-phien-ban")!.ParentElement!.TextContent, StringComparison.Ordinal);

        using var restored = await editor.PostFormAsync($"/quan-tri/trang/{id}/phien-ban", $"/quan-tri/trang/{id}/phien-ban/{revisions[0].Id}/khoi-phuc", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var html = await factory.CreateClient().GetStringAsync(new Uri("/trang/" + slug, UriKind.Relative));
        Assert.Contains("Tiếp công dân vào thứ Năm hằng tuần.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("thứ Hai và thứ Năm", html, StringComparison.Ordinal);
        Assert.Equal(3, await factory.WithDbAsync(db => db.StaticPageRevisions.CountAsync(r => r.StaticPageId == id)));
        Assert.Equal(["Tạo", "Sửa", "Khôi phục phiên bản"], await AuditActionsAsync(nameof(StaticPage), id));
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_is_refused_with_the_conflict_shown_and_nothing_overwritten()
    {
        var first = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var second = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var id = await CreateAsync(first, NewPage("Trang hai người cùng sửa"));
        var firstForm = await ReadFormAsync(first, id);
        var secondForm = await ReadFormAsync(second, id); // both opened the form before either saved

        firstForm["Title"] = "Bản của người thứ nhất";
        await SaveAsync(first, id, firstForm);
        secondForm["Title"] = "Bản của người thứ hai";
        using var refused = await second.PostFormAsync(EditPath(id), EditPath(id), secondForm);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Trang vừa được người khác lưu", page.QuerySelector("#xung-dot")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ nhất", page.QuerySelector("#xung-dot .diff-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ hai", page.QuerySelector("#xung-dot .diff-yours")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ hai", ((IHtmlInputElement)page.QuerySelector("form#form-trang [name=Title]")!).Value);
        Assert.Equal("Bản của người thứ nhất", (await LoadAsync(id)).Title);
        Assert.Equal(2, await factory.WithDbAsync(db => db.StaticPageRevisions.CountAsync(r => r.StaticPageId == id)));
    }

    [Fact]
    public async Task An_unpublished_page_answers_404_publicly_and_leaves_the_menu_until_published_again()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var id = await factory.WithDbAsync(db => db.StaticPages.Where(p => p.Slug == "co-cau-to-chuc").Select(p => p.Id).SingleAsync());
        var client = factory.CreateClient();
        Assert.NotNull((await client.GetDocumentAsync("/")).QuerySelector("header a[href='/trang/co-cau-to-chuc']"));

        using (var unpublished = await editor.PostFormAsync(ListPath, $"/quan-tri/trang/{id}/go-xuong", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        }

        using (var response = await PublicAsync("/trang/co-cau-to-chuc"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Null((await client.GetDocumentAsync("/")).QuerySelector("header a[href='/trang/co-cau-to-chuc']"));
        Assert.Contains("Chưa xuất bản", (await editor.GetAsync(ListPath)).QuerySelector($"tr[data-page='{id}']")!.TextContent, StringComparison.Ordinal);

        using (await editor.PostFormAsync(ListPath, $"/quan-tri/trang/{id}/xuat-ban", new Dictionary<string, string>()))
        {
        }

        using (var response = await PublicAsync("/trang/co-cau-to-chuc"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.NotNull((await client.GetDocumentAsync("/")).QuerySelector("header a[href='/trang/co-cau-to-chuc']"));
        Assert.Equal(["Gỡ xuống", "Xuất bản"], await AuditActionsAsync(nameof(StaticPage), id));
    }

    [Fact]
    public async Task A_page_saved_unpublished_is_not_public()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        var id = await CreateAsync(editor, NewPage("Trang đang soạn", published: false));

        using var response = await PublicAsync("/trang/" + (await LoadAsync(id)).Slug);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Changing_the_slug_of_a_published_page_redirects_the_old_address_to_the_new_one()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var id = await CreateAsync(editor, NewPage("Thủ tục chứng thực", slug: "thu-tuc-chung-thuc"));
        // An address of the replaced portal already leads to the page.
        await factory.WithDbAsync(async db =>
        {
            db.Redirects.Add(new Redirect { FromPath = Redirect.Normalize("/?cn=30&tc=777"), ToUrl = "/trang/thu-tuc-chung-thuc", CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

        var form = await ReadFormAsync(editor, id);
        form["Slug"] = "chung-thuc-ban-sao";
        await SaveAsync(editor, id, form);

        using (var old = await PublicAsync("/trang/thu-tuc-chung-thuc"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
            Assert.Equal("/trang/chung-thuc-ban-sao", old.Headers.Location!.OriginalString);
        }

        using (var legacy = await PublicAsync("/?tc=777&cn=30"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, legacy.StatusCode);
            Assert.Equal("/trang/chung-thuc-ban-sao", legacy.Headers.Location!.OriginalString); // straight there: no chain
        }

        using (var renamed = await PublicAsync("/trang/chung-thuc-ban-sao"))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        // Back to the first address: the redirect from it would hide the page, so it goes (and no loop is left).
        form = await ReadFormAsync(editor, id);
        form["Slug"] = "thu-tuc-chung-thuc";
        await SaveAsync(editor, id, form);

        using (var back = await PublicAsync("/trang/thu-tuc-chung-thuc"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        using (var second = await PublicAsync("/trang/chung-thuc-ban-sao"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, second.StatusCode);
            Assert.Equal("/trang/thu-tuc-chung-thuc", second.Headers.Location!.OriginalString);
        }

        var redirectAudit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Redirect)).Select(e => e.Summary).ToListAsync());
        Assert.Contains(redirectAudit, s => s.StartsWith("/trang/thu-tuc-chung-thuc → /trang/chung-thuc-ban-sao", StringComparison.Ordinal));
        var pageEdits = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(StaticPage) && e.Action == "Sửa" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Changes).ToListAsync());
        Assert.All(pageEdits, changes => Assert.Contains("\"Đường dẫn\"", changes, StringComparison.Ordinal));
        Assert.All(pageEdits, changes => Assert.DoesNotContain("\"Tiêu đề\"", changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contributor_gets_403_everywhere_in_the_static_pages_admin()
    {
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        var id = await factory.WithDbAsync(db => db.StaticPages.Where(p => p.Slug == "gioi-thieu").Select(p => p.Id).SingleAsync());
        var before = await LoadAsync(id);

        foreach (var path in new[] { ListPath, CreatePath, EditPath(id), $"/quan-tri/trang/{id}/phien-ban" })
        {
            using var response = await contributor.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        foreach (var path in new[] { CreatePath, EditPath(id), $"/quan-tri/trang/{id}/go-xuong", $"/quan-tri/trang/{id}/xoa" })
        {
            using var response = await contributor.PostFormAsync("/quan-tri/bai-viet/tao", path, NewPage("Trang của cộng tác viên"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var after = await LoadAsync(id);
        Assert.Equal((before.Title, before.IsPublished, before.ConcurrencyStamp), (after.Title, after.IsPublished, after.ConcurrencyStamp));
        Assert.False(await factory.WithDbAsync(db => db.StaticPages.AnyAsync(p => p.Title == "Trang của cộng tác viên")));
    }

    [Fact]
    public async Task A_page_linked_from_the_menu_cannot_be_deleted_and_an_unlinked_one_can()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var linked = await factory.WithDbAsync(db => db.StaticPages.Where(p => p.Slug == "lien-he").Select(p => p.Id).SingleAsync());

        using (var refused = await editor.PostFormAsync(EditPath(linked), $"/quan-tri/trang/{linked}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        }

        var list = await editor.GetAsync(ListPath);
        var message = list.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("Không thể xóa trang “Liên hệ”", message, StringComparison.Ordinal);
        Assert.Contains("menu chính", message, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.StaticPages.AnyAsync(p => p.Id == linked)));
        using (var stillThere = await PublicAsync("/trang/lien-he"))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        var id = await CreateAsync(editor, NewPage("Trang tạm sẽ xóa"));
        var slug = (await LoadAsync(id)).Slug;
        using (var deleted = await editor.PostFormAsync(EditPath(id), $"/quan-tri/trang/{id}/xoa", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await factory.WithDbAsync(db => db.StaticPages.AnyAsync(p => p.Id == id)));
        Assert.False(await factory.WithDbAsync(db => db.StaticPageRevisions.AnyAsync(r => r.StaticPageId == id)));
        using (var gone = await PublicAsync("/trang/" + slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.Equal(["Tạo", "Xóa"], await AuditActionsAsync(nameof(StaticPage), id));
        Assert.Empty(await AuditActionsAsync(nameof(StaticPage), linked)); // the refused delete changed nothing
    }

    [Fact]
    public async Task Unknown_ids_answer_404_and_never_500()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        foreach (var path in new[] { EditPath(999999), "/quan-tri/trang/999999/phien-ban" })
        {
            using var response = await editor.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        foreach (var path in new[] { EditPath(999999), "/quan-tri/trang/999999/xuat-ban", "/quan-tri/trang/999999/xoa", "/quan-tri/trang/1/phien-ban/999999/khoi-phuc" })
        {
            using var response = await editor.PostFormAsync(ListPath, path, NewPage("Không tồn tại"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
