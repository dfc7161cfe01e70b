using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Admin;

/// <summary>The article form of issue 20: lead image, album, publish time as dd/MM/yyyy HH:mm, preview, send back.</summary>
public sealed class ArticleEditorTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private async Task<Dictionary<string, string>> FormAsync(string title, string body = "<p>Nội dung bài viết.</p>", Guid? stamp = null) => new()
    {
        ["Title"] = title,
        ["Summary"] = "Tóm tắt " + title,
        ["Body"] = body,
        ["CategoryId"] = (await factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == "tin-hoat-dong").Select(c => c.Id).SingleAsync()))
            .ToString(CultureInfo.InvariantCulture),
        ["Author"] = "Phòng Phổ biến",
        ["PublishAt"] = "",
        ["ConcurrencyStamp"] = (stamp ?? Guid.Empty).ToString(),
    };

    private static string Unique(string title) => title + " " + Guid.NewGuid().ToString("N")[..6];

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);

    private Task<Article> LoadAsync(int id) => factory.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private async Task<int> LibraryImageAsync(StaffSession session)
    {
        var url = await session.UploadImageAsync();
        var fileName = url["/media/".Length..];
        return await factory.WithDbAsync(db => db.Media.Where(m => m.FileName == fileName).Select(m => m.Id).SingleAsync());
    }

    private static async Task<int> CreateAsync(StaffSession session, Dictionary<string, string> form)
    {
        using var created = await session.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return IdFrom(created);
    }

    private async Task<Dictionary<string, string>> EditFormAsync(int id, string title)
    {
        var form = await FormAsync(title, stamp: (await LoadAsync(id)).ConcurrencyStamp);
        return form;
    }

    [Fact]
    public async Task A_lead_image_from_the_library_needs_alt_text()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var imageId = await LibraryImageAsync(editor);
        var form = await FormAsync(Unique("Trao bằng khen cho tập thể"));
        form["LeadImageId"] = imageId.ToString(CultureInfo.InvariantCulture);

        using (var refused = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Vui lòng nhập mô tả ảnh đại diện", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(imageId.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#LeadImageId")!.GetAttribute("value"));
        }

        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == form["Title"])));

        form["LeadImageAlt"] = "Lãnh đạo Sở trao bằng khen cho tập thể";
        form["LeadImageCaption"] = "Ảnh: Phòng Phổ biến";
        var id = await CreateAsync(editor, form);
        var article = await LoadAsync(id);
        Assert.Equal(imageId, article.LeadImageId);
        Assert.Equal("Lãnh đạo Sở trao bằng khen cho tập thể", article.LeadImageAlt);
        Assert.Equal("Ảnh: Phòng Phổ biến", article.LeadImageCaption);

        var edit = await editor.GetAsync($"/quan-tri/bai-viet/{id}/sua");
        Assert.Equal(imageId.ToString(CultureInfo.InvariantCulture), edit.QuerySelector("#LeadImageId")!.GetAttribute("value"));
        Assert.NotNull(edit.QuerySelector("[data-lead-image-preview] img"));
        Assert.Null(edit.QuerySelector("#ThumbnailPath"));
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("-1")]
    [InlineData("javascript:alert(1)")]
    [InlineData("1 OR 1=1")]
    public async Task A_lead_image_that_is_not_in_the_library_is_refused(string value)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = await FormAsync(Unique("Ảnh đại diện lạ"));
        form["LeadImageId"] = value;
        form["LeadImageAlt"] = "Mô tả";

        using var refused = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ảnh đại diện", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == form["Title"])));
    }

    [Fact]
    public async Task A_lead_image_uploaded_on_the_spot_goes_to_the_library()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = await FormAsync(Unique("Hội nghị có ảnh tải lên"));
        form["LeadImageAlt"] = "Toàn cảnh hội nghị";
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(await editor.TokenAsync("/quan-tri/bai-viet/tao")), "__RequestVerificationToken");
        var file = new ByteArrayContent(new ImageBuilder().Sized(80, 60).Png());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "LeadImageFile", "hoi-nghi.png");

        using var created = await editor.Client.PostAsync(new Uri("/quan-tri/bai-viet/tao", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var article = await LoadAsync(IdFrom(created));
        Assert.NotNull(article.LeadImageId);
        var media = await factory.WithDbAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.Id == article.LeadImageId));
        Assert.Equal("hoi-nghi.png", media.OriginalName);
        Assert.Equal("Toàn cảnh hội nghị", media.AltText);
    }

    [Fact]
    public async Task The_library_answers_the_picker_with_a_searched_page_of_images()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var imageId = await LibraryImageAsync(editor);

        using (var response = await editor.Client.GetAsync(new Uri("/quan-tri/thu-vien-anh/chon?q=anh.png&trang=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            var item = Assert.Single(items, i => i.GetProperty("id").GetInt32() == imageId);
            Assert.StartsWith("/media/", item.GetProperty("src").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("/media/", item.GetProperty("thumbnail").GetString(), StringComparison.Ordinal);
            Assert.True(item.GetProperty("width").GetInt32() > 0);
        }

        using (var none = await editor.Client.GetAsync(new Uri("/quan-tri/thu-vien-anh/chon?q=" + Uri.EscapeDataString("không có ảnh nào tên thế này"), UriKind.Relative)))
        {
            using var json = System.Text.Json.JsonDocument.Parse(await none.Content.ReadAsStringAsync());
            Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        }

        using (var bad = await editor.Client.GetAsync(new Uri("/quan-tri/thu-vien-anh/chon?trang=abc", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using var anonymous = await StaffSession.NewClient(factory).GetAsync(new Uri("/quan-tri/thu-vien-anh/chon", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_lead_image_and_album_and_the_audit_names_them()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var imageId = await LibraryImageAsync(editor);
        var albumId = await factory.WithDbAsync(async db =>
        {
            var album = new Album { Title = "Hội nghị tổng kết năm", Slug = "hoi-nghi-tong-ket-" + Guid.NewGuid().ToString("N")[..6], TakenOn = new DateOnly(2026, 11, 30) };
            db.Albums.Add(album);
            await db.SaveChangesAsync();
            return album.Id;
        });
        var title = Unique("Bài có ảnh và album");
        var form = await FormAsync(title);
        form["LeadImageId"] = imageId.ToString(CultureInfo.InvariantCulture);
        form["LeadImageAlt"] = "Ảnh đầu bài";
        form["AlbumId"] = albumId.ToString(CultureInfo.InvariantCulture);
        var id = await CreateAsync(editor, form);
        Assert.Equal(albumId, (await LoadAsync(id)).AlbumId);

        // Saved again without them.
        var second = await EditFormAsync(id, title);
        using (var saved = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", second))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var bare = await LoadAsync(id);
        Assert.Null(bare.LeadImageId);
        Assert.Null(bare.AlbumId);
        Assert.Equal("", bare.LeadImageAlt);

        var first = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        using (var restored = await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/phien-ban", $"/quan-tri/bai-viet/{id}/phien-ban/{first}/khoi-phuc", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        // The versions' statuses in Vietnamese, as everywhere in the admin area.
        var versions = await editor.GetAsync($"/quan-tri/bai-viet/{id}/phien-ban");
        var statuses = versions.QuerySelectorAll("tr[data-revision] td:nth-child(4)").Select(c => c.TextContent.Trim()).ToList();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.True(s is "Nháp" or "Chờ duyệt" or "Đã xuất bản" or "Gỡ xuống", s));

        var back = await LoadAsync(id);
        Assert.Equal(imageId, back.LeadImageId);
        Assert.Equal("Ảnh đầu bài", back.LeadImageAlt);
        Assert.Equal(albumId, back.AlbumId);

        var changes = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Article" && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "Khôi phục phiên bản")
            .Select(e => e.Changes).SingleAsync());
        using var diff = System.Text.Json.JsonDocument.Parse(changes);
        Assert.True(diff.RootElement.TryGetProperty("Ảnh đại diện", out _), changes);
        Assert.True(diff.RootElement.TryGetProperty("Album ảnh", out _), changes);
    }

    [Fact]
    public async Task The_publish_time_is_written_and_shown_as_day_month_year_in_Vietnam_time()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = await FormAsync(Unique("Thông báo hẹn giờ"));
        form["PublishAt"] = "22/01/2027 09:00";
        form["thao-tac"] = "xuat-ban";
        var id = await CreateAsync(editor, form);

        var article = await LoadAsync(id);
        Assert.Equal(new DateTime(2027, 1, 22, 2, 0, 0, DateTimeKind.Utc), article.PublishedAtUtc);
        var edit = await editor.GetAsync($"/quan-tri/bai-viet/{id}/sua");
        var field = edit.QuerySelector("#PublishAt")!;
        Assert.Equal("text", field.GetAttribute("type"));
        Assert.Equal("22/01/2027 09:00", field.GetAttribute("value"));
        Assert.NotNull(field.GetAttribute("pattern"));
    }

    [Theory]
    [InlineData("31/02/2021 09:00")]
    [InlineData("01/22/2021, 09:00 AM")]
    [InlineData("22/01/2021 25:61")]
    [InlineData("ngày mai")]
    public async Task An_impossible_publish_time_is_refused_in_Vietnamese(string value)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var form = await FormAsync(Unique("Ngày lạ"));
        form["PublishAt"] = value;

        using var refused = await editor.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlReader.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Thời điểm xuất bản không hợp lệ", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(value, page.QuerySelector("#PublishAt")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Staff_preview_an_unpublished_article_in_the_public_layout_never_indexed_nor_cached()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var title = Unique("Bản nháp để xem trước");
        var id = await CreateAsync(editor, await FormAsync(title, "<p>Đoạn văn của bản nháp.</p>"));
        var address = $"/quan-tri/bai-viet/{id}/xem-truoc";

        using (var response = await editor.Client.GetAsync(new Uri(address, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("noindex", string.Join(',', response.Headers.GetValues("X-Robots-Tag")), StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore);
            var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            Assert.Contains("Bản xem trước", page.QuerySelector(".preview-banner")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(title, page.QuerySelector("h1.article-heading")!.TextContent);
            Assert.Contains("Đoạn văn của bản nháp.", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        }

        var edit = await editor.GetAsync($"/quan-tri/bai-viet/{id}/sua");
        Assert.NotNull(edit.QuerySelector($"a[href='{address}']"));

        // A second look after a save shows the change: nothing kept the first answer.
        var changed = await FormAsync(title + " (đã sửa)", stamp: (await LoadAsync(id)).ConcurrencyStamp);
        using (await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", changed))
        {
        }

        var again = await editor.GetAsync(address);
        Assert.Equal(title + " (đã sửa)", again.QuerySelector("h1.article-heading")!.TextContent);

        using var anonymous = await StaffSession.NewClient(factory).GetAsync(new Uri(address, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var missing = await editor.Client.GetAsync(new Uri("/quan-tri/bai-viet/999999/xem-truoc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_editor_sends_a_submitted_article_back_with_a_note_the_author_sees()
    {
        var contributor = await StaffSession.SignInAsync(factory, PortalRoles.Contributor);
        var title = Unique("Bài cộng tác viên gửi duyệt");
        var form = await FormAsync(title);
        form["thao-tac"] = "gui-duyet";
        var id = await CreateAsync(contributor, form);
        Assert.Equal(ArticleStatus.Submitted, (await LoadAsync(id)).Status);
        var edit = $"/quan-tri/bai-viet/{id}/sua";
        var sendBack = $"/quan-tri/bai-viet/{id}/tra-lai";

        using (var denied = await contributor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = "Tự trả lại" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var review = await editor.GetAsync(edit);
        Assert.NotNull(review.QuerySelector($"form[action='{sendBack}'] textarea[name=ghi-chu]"));

        using (var empty = await editor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        }

        Assert.Equal(ArticleStatus.Submitted, (await LoadAsync(id)).Status);

        const string Note = "Đề nghị bổ sung số liệu và ảnh có mô tả.";
        using (var sent = await editor.PostFormAsync(edit, sendBack, new Dictionary<string, string> { ["ghi-chu"] = Note }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var article = await LoadAsync(id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal(Note, article.ReturnNote);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, article.ReturnedAtUtc);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Article"
            && e.EntityId == id.ToString(CultureInfo.InvariantCulture) && e.Action == "Trả lại tác giả")));

        // The author sees the note on the form and a flag in the list.
        var own = await contributor.GetAsync(edit);
        Assert.Equal(Note, own.QuerySelector(".return-note-text")!.TextContent);
        var list = await contributor.GetAsync("/quan-tri/bai-viet?tu-khoa=" + Uri.EscapeDataString(title));
        var row = list.QuerySelector($"tr[data-article='{id}']")!;
        Assert.NotNull(row.QuerySelector(".returned-flag"));

        // Sending it again clears the note.
        using (var resubmitted = await contributor.PostFormAsync(edit, $"/quan-tri/bai-viet/{id}/gui-duyet", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        }

        var again = await LoadAsync(id);
        Assert.Equal(ArticleStatus.Submitted, again.Status);
        Assert.Null(again.ReturnNote);
    }

    [Fact]
    public async Task A_body_keeps_responsive_library_images_and_table_header_cells_and_loses_strangers()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        const string Image = "<img src=\"/media/2026/11/a-640.jpg\" srcset=\"/media/2026/11/a-320.jpg 320w, /media/2026/11/a-640.jpg 640w\" "
            + "sizes=\"(max-width: 768px) 100vw, 720px\" width=\"640\" height=\"427\" alt=\"Trao giải\" loading=\"lazy\" decoding=\"async\">";
        const string Table = "<table><thead><tr><th>Họ tên</th><th>Giải</th></tr></thead><tbody><tr><td>Nguyễn Văn A</td><td>Nhất</td></tr></tbody></table>";
        var body = "<p>" + Image + "</p>" + Table
            + "<p><img src=\"/media/2026/11/b.jpg\" srcset=\"javascript:alert(1) 1x\" alt=\"b\"></p>"
            + "<p><img src=\"/media/2026/11/c.jpg\" srcset=\"https://evil.example/c.jpg 640w\" alt=\"c\"></p>"
            + "<p>Ảnh ngoài<img src=\"https://evil.example/pixel.gif\" alt=\"x\"></p>";
        var id = await CreateAsync(editor, await FormAsync(Unique("Bài có bảng và ảnh"), body));

        var stored = (await LoadAsync(id)).Body;
        Assert.Contains(Image, stored, StringComparison.Ordinal);
        Assert.Contains(Table, stored, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/media/2026/11/b.jpg\" alt=\"b\">", stored, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/media/2026/11/c.jpg\" alt=\"c\">", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", stored, StringComparison.Ordinal);

        // The edit form gives it back as it is, and saving it again changes nothing.
        var edit = await editor.GetAsync($"/quan-tri/bai-viet/{id}/sua");
        var form = await FormAsync((await LoadAsync(id)).Title, edit.QuerySelector("#Body")!.TextContent, (await LoadAsync(id)).ConcurrencyStamp);
        using (await editor.PostFormAsync($"/quan-tri/bai-viet/{id}/sua", $"/quan-tri/bai-viet/{id}/sua", form))
        {
        }

        Assert.Equal(stored, (await LoadAsync(id)).Body);
    }
}
