using System.Globalization;
using System.Net;
using DoJ.Portal.Data.Identity;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class ArticleWorkflowTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private async Task<int> CategoryIdAsync(string slug = "tin-hoat-dong") =>
        await factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    private async Task<Dictionary<string, string>> FormAsync(string title, string body = "<p>Nội dung bài viết.</p>", string? publishAt = null, Guid? stamp = null) => new()
    {
        ["Title"] = title,
        ["Summary"] = "Tóm tắt " + title,
        ["Body"] = body,
        ["CategoryId"] = (await CategoryIdAsync()).ToString(CultureInfo.InvariantCulture),
        ["Author"] = "Phòng Phổ biến",
        ["PublishAt"] = publishAt ?? "",
        ["ConcurrencyStamp"] = (stamp ?? Guid.Empty).ToString(),
    };

    private static int IdFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location!.OriginalString; // /quan-tri/bai-viet/{id}/sua
        return int.Parse(location.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private Task<Article> LoadAsync(int id) => factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private async Task<HttpStatusCode> PublicStatusAsync(Article article)
    {
        using var response = await factory.CreatePlainClient().GetAsync(new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative));
        return response.StatusCode;
    }

    [Fact]
    public async Task A_contributor_submits_an_editor_publishes_and_citizens_see_it_everywhere()
    {
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        var form = await FormAsync("Hội nghị tập huấn nghiệp vụ hộ tịch năm 2026");
        form["thao-tac"] = "gui-duyet";
        using var created = await contributor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        Assert.Equal(ArticleStatus.Submitted, (await LoadAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(await LoadAsync(id)));

        using (var denied = await contributor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/xuat-ban", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var published = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/xuat-ban", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var article = await LoadAsync(id);
        Assert.Equal(ArticleState.Published, article.StateAt(factory.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(article));
        var client = factory.CreateClient();
        Assert.Contains(article.Title, await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(article.Title, await client.GetStringAsync(new Uri("/chuyen-muc/tin-hoat-dong", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains(article.Title, await client.GetStringAsync(new Uri("/rss", UriKind.Relative)), StringComparison.Ordinal);
        var day = VietnamTime.DayOf(article.PublishedAtUtc!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(article.Title, await client.GetStringAsync(new Uri($"/tin-theo-ngay/{day}", UriKind.Relative)), StringComparison.Ordinal);
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        var results = await client.GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString("tap huan nghiep vu ho tich 2026"));
        Assert.Contains(results.QuerySelectorAll(".search-results a"), a => a.GetAttribute("href") == $"/tin-tuc/{id}/{article.Slug}");
    }

    [Fact]
    public async Task A_contributor_can_neither_publish_nor_reach_the_recycle_bin_actions()
    {
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        var seedId = await factory.WithDbAsync(db => db.Articles.Where(a => a.Author == "Tiên An").Select(a => a.Id).SingleAsync());

        foreach (var action in new[] { "xuat-ban", "go-xuong", "xoa", "khoi-phuc", "xoa-vinh-vien" })
        {
            using var response = await contributor.PostFormAsync("/quan-tri", $"/quan-tri/bai-viet/{seedId}/{action}", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var edit = await contributor.Client.GetAsync(new Uri($"/quan-tri/bai-viet/{seedId}/sua", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using var bin = await contributor.Client.GetAsync(new Uri("/quan-tri/thung-rac", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, bin.StatusCode);
        Assert.Equal(ArticleStatus.Published, (await LoadAsync(seedId)).Status);
    }

    [Fact]
    public async Task A_scheduled_article_appears_by_itself_when_the_clock_passes_its_time()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var at = VietnamTime.ToVietnam(factory.Clock.GetUtcNow().UtcDateTime.AddHours(3)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var form = await FormAsync("Thông báo lịch tiếp công dân tháng 12", publishAt: at);
        form["thao-tac"] = "xuat-ban";
        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);
        var article = await LoadAsync(IdFrom(created));

        Assert.Equal(ArticleState.Scheduled, article.StateAt(factory.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(article));

        factory.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(article));
        await factory.Services.GetRequiredService<SearchIndex>().WhenReady;
        var results = await factory.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString("lịch tiếp công dân tháng 12"));
        Assert.Contains(results.QuerySelectorAll(".search-results a"), a => a.GetAttribute("href")!.StartsWith($"/tin-tuc/{article.Id}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_save_keeps_a_revision_and_an_earlier_one_can_be_restored()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", await FormAsync("Tiêu đề đầu tiên"));
        var id = IdFrom(created);

        var stamp = (await LoadAsync(id)).ConcurrencyStamp;
        using (await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", await FormAsync("Tiêu đề thứ hai", stamp: stamp)))
        {
        }

        var revisions = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["Tiêu đề đầu tiên", "Tiêu đề thứ hai"], revisions.Select(r => r.Title));

        using var restored = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/phien-ban", $"/quan-tri/bai-viet/{id}/phien-ban/{revisions[0].Id}/khoi-phuc", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Tiêu đề đầu tiên", (await LoadAsync(id)).Title);
        Assert.Equal(3, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused_and_shown_what_changed()
    {
        var first = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var second = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var created = await first.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", await FormAsync("Bài hai người cùng sửa"));
        var id = IdFrom(created);
        var loaded = (await LoadAsync(id)).ConcurrencyStamp; // both opened the form with this stamp

        using (var saved = await first.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", await FormAsync("Bản của người thứ nhất", stamp: loaded)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var refused = await second.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", await FormAsync("Bản của người thứ hai", stamp: loaded));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        var warning = page.QuerySelector("#xung-dot")!.TextContent;
        Assert.Contains("vừa được người khác lưu", warning, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ nhất", page.QuerySelector("#xung-dot .diff-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ hai", page.QuerySelector("#xung-dot .diff-yours")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", (await LoadAsync(id)).Title);
    }

    [Fact]
    public async Task Deleted_articles_go_to_the_bin_can_be_restored_and_only_administrators_purge_them()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = await FormAsync("Bài sẽ vào thùng rác");
        form["thao-tac"] = "xuat-ban";
        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);
        var id = IdFrom(created);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(await LoadAsync(id)));

        using (await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/xoa", new Dictionary<string, string>()))
        {
        }

        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(await LoadAsync(id)));
        var bin = await editor.GetAsync("/quan-tri/thung-rac");
        Assert.NotNull(bin.QuerySelector($"tr[data-article='{id}']"));

        using (await editor.PostFormAsync("/quan-tri/thung-rac", $"/quan-tri/bai-viet/{id}/khoi-phuc", new Dictionary<string, string>()))
        {
        }

        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(await LoadAsync(id)));

        using (await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/xoa", new Dictionary<string, string>()))
        {
        }

        using (var editorPurge = await editor.PostFormAsync("/quan-tri/thung-rac", $"/quan-tri/bai-viet/{id}/xoa-vinh-vien", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, editorPurge.StatusCode);
        }

        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        using var purge = await admin.PostFormAsync("/quan-tri/thung-rac", $"/quan-tri/bai-viet/{id}/xoa-vinh-vien", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, purge.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task A_hostile_body_is_sanitized_on_save_and_every_change_is_audited()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = await FormAsync("Bài có mã độc", body: "<p onclick=\"alert(1)\">Chữ</p><script>alert(2)</script><img src=x onerror=alert(3)><a href=\"javascript:alert(4)\">x</a>");
        form["thao-tac"] = "xuat-ban";
        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);
        var article = await LoadAsync(IdFrom(created));

        Assert.DoesNotContain("alert", article.Body, StringComparison.Ordinal);
        Assert.Contains("<p>Chữ</p>", article.Body, StringComparison.Ordinal);
        var html = await factory.CreateClient().GetStringAsync(new Uri($"/tin-tuc/{article.Id}/{article.Slug}", UriKind.Relative));
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "Article" && e.EntityId == article.Id.ToString(CultureInfo.InvariantCulture)).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Tạo", "Xuất bản"], audit);
    }

    [Fact]
    public async Task Invalid_forms_get_Vietnamese_messages_and_change_nothing()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());
        var form = await FormAsync("");
        form["CategoryId"] = "0";
        form["PublishAt"] = "31/02/2021";

        using var response = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        var messages = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Vui lòng nhập tiêu đề.", messages, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn chuyên mục.", messages, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task The_new_article_form_offers_the_display_name_as_byline_never_the_email()
    {
        var (email, password) = await StaffSession.CreateUserAsync(factory, PortalRoles.Editor);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.DisplayName = "Nguyễn Thị Biên Tập";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var editor = new StaffSession(StaffSession.NewClient(factory));
        (await editor.TrySignInAsync(email, password)).Dispose();

        var form = await editor.GetAsync("/quan-tri/bai-viet/tao");

        Assert.Equal("Nguyễn Thị Biên Tập", form.QuerySelector("input[name=Author]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_email_address_is_refused_as_byline_on_create_and_update_and_nothing_is_stored()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Articles.CountAsync());
        var form = await FormAsync("Bài có tác giả là địa chỉ email");
        form["Author"] = "bien-tap@stp.example.vn";

        using (var refused = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Tác giả không được là địa chỉ email.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.WithDbAsync(db => db.Articles.CountAsync()));

        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", await FormAsync("Bài sẽ bị sửa tác giả"));
        var id = IdFrom(created);
        var edit = await FormAsync("Bài sẽ bị sửa tác giả", stamp: (await LoadAsync(id)).ConcurrencyStamp);
        edit["Author"] = "Nguyễn Văn A (nguyenvana@stp.example.vn)";
        using (var refused = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", edit))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Tác giả không được là địa chỉ email.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("Phòng Phổ biến", (await LoadAsync(id)).Author);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task Restoring_a_revision_whose_byline_is_an_email_keeps_the_current_byline()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var created = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", await FormAsync("Tiêu đề hiện hành"));
        var id = IdFrom(created);
        // A revision saved before e-mail bylines were refused.
        var revisionId = await factory.WithDbAsync(async db =>
        {
            var old = ArticleRevision.Of(await db.Articles.SingleAsync(a => a.Id == id), factory.Clock.GetUtcNow().UtcDateTime, null, "");
            old.Title = "Tiêu đề ngày trước";
            old.Author = "bien-tap@stp.example.vn";
            db.ArticleRevisions.Add(old);
            await db.SaveChangesAsync();
            return old.Id;
        });

        using var restored = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/phien-ban", $"/quan-tri/bai-viet/{id}/phien-ban/{revisionId}/khoi-phuc", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var article = await LoadAsync(id);
        Assert.Equal("Tiêu đề ngày trước", article.Title);
        Assert.Equal("Phòng Phổ biến", article.Author);
    }

    [Fact]
    public async Task The_article_list_filters_by_state_and_words()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var drafts = await editor.GetAsync("/quan-tri/bai-viet?trang-thai=Draft");
        var states = drafts.QuerySelectorAll("table.admin-articles tbody .badge").Select(b => b.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Nháp"], states);

        var byTitle = await editor.GetAsync("/quan-tri/bai-viet?sap-xep=Title&trang-thai=Published");
        var titles = byTitle.QuerySelectorAll("table.admin-articles tbody td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(titles.Order(StringComparer.Ordinal).ToList(), titles);
        using (var junk = await editor.Client.GetAsync(new Uri("/quan-tri/bai-viet?sap-xep=DROP&trang-thai=nonsense", UriKind.Relative)))
        {
            Assert.NotEqual(HttpStatusCode.InternalServerError, junk.StatusCode);
        }

        var words = await editor.GetAsync("/quan-tri/bai-viet?tu-khoa=" + Uri.EscapeDataString("Bằng khen"));
        Assert.Contains(words.QuerySelectorAll("table.admin-articles tbody a"), a => a.TextContent.StartsWith("01 tập thể", StringComparison.Ordinal));
    }
}
