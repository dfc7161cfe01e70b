using System.Globalization;
using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.IntegrationTests.Files;

public sealed class AttachmentTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private const string ArticleForm = "form-bai-viet";

    private static string EditPath(int id) => AdminUrls.Edit(AdminUrls.Articles, id);

    private string FilesFolder => Path.Combine(factory.DataPath, DoJ.Portal.Data.StorageOptions.FilesFolder);

    private string[] FilesOnDisk() => Directory.Exists(FilesFolder) ? Directory.GetFiles(FilesFolder, "*", SearchOption.AllDirectories) : [];

    /// <summary>A PDF of about 1.2 MB: a real document followed by a comment that fills it up.</summary>
    private static byte[] PdfOf(int size) => [.. DocumentBuilder.Pdf(), .. "%"u8, .. Enumerable.Repeat((byte)'x', size - DocumentBuilder.Pdf().Length - 1)];

    private async Task<Article> ArticleAsync(ArticleStatus status = ArticleStatus.Published) =>
        await factory.AddArticleAsync(TestArticles.UniqueTitle("Bài có tệp đính kèm"), "thong-bao", status == ArticleStatus.Published ? DateTime.UtcNow.AddDays(-400) : null, status);

    private static async Task<HttpResponseMessage> SaveAsync(StaffSession session, int id, Action<List<KeyValuePair<string, string>>>? change, params (string Name, byte[] Bytes)[] files)
    {
        var fields = await AttachmentForms.ReadAsync(session, EditPath(id), ArticleForm);
        change?.Invoke(fields);
        return await AttachmentForms.PostAsync(session, EditPath(id), fields, files);
    }

    private Task<List<Attachment>> AttachmentsAsync(int articleId) =>
        factory.WithDbAsync(db => db.Attachments.AsNoTracking().Include(a => a.StoredFile).Where(a => a.ArticleId == articleId).OrderBy(a => a.Position).ToListAsync());

    [Fact]
    public async Task A_file_uploaded_through_the_article_form_is_stored_under_a_generated_name_listed_and_downloaded_under_its_own_name()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync();
        var pdf = PdfOf(1_258_291);

        using var saved = await SaveAsync(editor, article.Id, null, ("../../Quyết định khen thưởng.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var attachment = Assert.Single(await AttachmentsAsync(article.Id));
        Assert.Equal("Quyết định khen thưởng", attachment.DisplayName);
        Assert.Equal("Quyết định khen thưởng.pdf", attachment.StoredFile!.OriginalName);
        Assert.Equal(FileKind.Pdf, attachment.StoredFile.Kind);
        Assert.Equal(FileTextState.Pending, attachment.StoredFile.TextState);
        Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.pdf$", attachment.StoredFile.FileName);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(FilesFolder, attachment.StoredFile.FileName)));
        Assert.DoesNotContain(FilesOnDisk(), f => f.Contains("Quy", StringComparison.Ordinal));
        Assert.Contains(await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(StoredFile)).Select(e => e.Summary).ToListAsync()),
            s => s == "Quyết định khen thưởng.pdf");

        var page = await factory.CreatePlainClient().GetDocumentAsync($"/tin-tuc/{article.Id}/{article.Slug}");
        var list = page.QuerySelector("section.attachments")!;
        Assert.Equal("Tài liệu đính kèm", list.QuerySelector("h2")!.TextContent);
        var link = list.QuerySelector("li.attachment a")!;
        Assert.Equal("Quyết định khen thưởng", link.TextContent);
        Assert.Equal("PDF", list.QuerySelector(".attachment-kind")!.TextContent);
        Assert.Equal("1,2 MB", list.QuerySelector(".attachment-size")!.TextContent);

        using var download = await factory.CreatePlainClient().GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.StartsWith("attachment; filename=\"Quyet dinh khen thuong.pdf\"", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20khen%20th%C6%B0%E1%BB%9Fng.pdf", disposition, StringComparison.Ordinal);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", download.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", download.Headers.GetValues("X-Frame-Options").Single());
        Assert.NotNull(download.Headers.ETag);

        // The document page's preview frame asks for a PDF inline: framed by our own pages only, loading nothing.
        using var preview = await factory.CreatePlainClient().GetAsync(new Uri(link.GetAttribute("href")! + "?xem=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.StartsWith("inline; filename=\"Quyet dinh khen thuong.pdf\"", preview.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; frame-ancestors 'self'", preview.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", preview.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_download_answers_a_range()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync();
        using var saved = await SaveAsync(editor, article.Id, null, ("bang.xlsx", DocumentBuilder.Xlsx()));
        var file = Assert.Single(await AttachmentsAsync(article.Id)).StoredFile!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SiteUrls.File(file.Id, file.OriginalName), UriKind.Relative));
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);

        using var part = await factory.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(10, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", part.Content.Headers.ContentType!.MediaType);

        // Only a PDF is ever shown inline: anything else asked for as a preview is sent to its download.
        using var notPreviewed = await factory.CreatePlainClient().GetAsync(new Uri(SiteUrls.File(file.Id, file.OriginalName) + "?xem=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, notPreviewed.StatusCode);
        Assert.Equal(SiteUrls.File(file.Id, file.OriginalName), notPreviewed.Headers.Location!.OriginalString);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "a.pdf", DocumentBuilder.Executable(), "Tệp «a.pdf» không phải PDF, Word, Excel, OpenDocument hay ZIP (nội dung thật: chương trình chạy được)." },
        { "x.docm", DocumentBuilder.Docm(), "Tệp «x.docm» chứa macro nên không được nhận." },
        { "nen.zip", DocumentBuilder.Zip(("cai-dat.exe", DocumentBuilder.Executable())), "Tệp «nen.zip» chứa chương trình chạy được (cai-dat.exe) nên không được nhận." },
        { "bom.zip", ZipOfZeros(40), "Tệp «bom.zip» khi giải nén quá lớn hoặc có quá nhiều tệp nên không được nhận." },
        { "y.pdf", PdfOf(21 * 1024 * 1024), "Tệp «y.pdf» lớn hơn 20 MB." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_refuses_the_whole_save_with_its_message_and_leaves_nothing(string name, byte[] bytes, string message)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync();
        var filesBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());
        var onDiskBefore = FilesOnDisk().Length;

        // A good file in the same save is not kept either, and neither is the new title.
        using var response = await SaveAsync(editor, article.Id, f => f.Set("Title", "Tiêu đề không được lưu"), ("tot.pdf", DocumentBuilder.Pdf()), (name, bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, form.QuerySelector("[data-valmsg-for=NewFiles]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await AttachmentsAsync(article.Id));
        Assert.Equal(filesBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(onDiskBefore, FilesOnDisk().Length);
        Assert.Equal(article.Title, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_draft_articles_file_is_not_found_for_readers_and_served_to_staff()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync(ArticleStatus.Draft);
        // One copy of the bytes: a ZIP entry carries the time it was written, so two builds a second apart differ.
        var docx = DocumentBuilder.Docx();
        using var saved = await SaveAsync(editor, article.Id, null, ("du-thao.docx", docx));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var file = Assert.Single(await AttachmentsAsync(article.Id)).StoredFile!;
        var url = new Uri(SiteUrls.File(file.Id, file.OriginalName), UriKind.Relative);

        using var anonymous = await factory.CreatePlainClient().GetAsync(url);
        using var staff = await editor.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Contains("text/html", anonymous.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Equal(docx, await staff.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", staff.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_missing_on_disk_or_unknown_is_not_found_never_an_error()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync();
        using var saved = await SaveAsync(editor, article.Id, null, ("mat.pdf", DocumentBuilder.Pdf()));
        var file = Assert.Single(await AttachmentsAsync(article.Id)).StoredFile!;
        File.Delete(Path.Combine(FilesFolder, file.FileName));

        using var missing = await factory.CreatePlainClient().GetAsync(new Uri(SiteUrls.File(file.Id, "mat.pdf"), UriKind.Relative));
        using var unknown = await factory.CreatePlainClient().GetAsync(new Uri(SiteUrls.File(987654, "x.pdf"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Editors_rename_reorder_and_remove_attachments_and_every_save_is_a_revision()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync();
        using (var first = await SaveAsync(editor, article.Id, null, ("Kế hoạch.pdf", DocumentBuilder.Pdf()), ("Bảng số liệu.xlsx", DocumentBuilder.Xlsx()), ("Mẫu đơn.odt", DocumentBuilder.Odt())))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        Assert.Equal(["Kế hoạch", "Bảng số liệu", "Mẫu đơn"], (await AttachmentsAsync(article.Id)).Select(a => a.DisplayName));

        // The form's rows: rename the first, move the third to the top, remove the second.
        using (var second = await SaveAsync(editor, article.Id, f =>
        {
            f.Set("Attachments[0].DisplayName", "Kế hoạch năm 2027");
            f.Set("Attachments[0].Position", "2");
            f.Set("Attachments[1].Remove", "true");
            f.Set("Attachments[2].Position", "1");
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var now = await AttachmentsAsync(article.Id);
        Assert.Equal(["Mẫu đơn", "Kế hoạch năm 2027"], now.Select(a => a.DisplayName));
        Assert.Equal([1, 2], now.Select(a => a.Position));
        var revisions = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).Select(r => r.Attachments).ToListAsync());
        Assert.Equal(["Kế hoạch", "Bảng số liệu", "Mẫu đơn"], AttachmentSnapshot.Parse(revisions[0]).Select(s => s.DisplayName));
        Assert.Equal(["Mẫu đơn", "Kế hoạch năm 2027"], AttachmentSnapshot.Parse(revisions[1]).Select(s => s.DisplayName));
        Assert.Equal(now.Select(a => a.StoredFileId), AttachmentSnapshot.Parse(revisions[1]).Select(s => s.StoredFileId));
        Assert.DoesNotContain(AttachmentSnapshot.Parse(revisions[0]), s => s.StoredFileId == 0);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Article) && e.EntityId == article.Id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Changes).ToListAsync());
        Assert.Contains("Kế hoạch năm 2027", audit[^1], StringComparison.Ordinal);

        // An empty display name is refused on its row; nothing changes.
        using var empty = await SaveAsync(editor, article.Id, f => f.Set("Attachments[0].DisplayName", "  "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vui lòng nhập tên hiển thị của tệp.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["Mẫu đơn", "Kế hoạch năm 2027"], (await AttachmentsAsync(article.Id)).Select(a => a.DisplayName));
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_attachment_list()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var article = await ArticleAsync();
        using (var upload = await SaveAsync(editor, article.Id, null, ("Thông báo.pdf", DocumentBuilder.Pdf())))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var withFile = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => r.Id));
        using (var removal = await SaveAsync(editor, article.Id, f => f.Set("Attachments[0].Remove", "true")))
        {
            Assert.Equal(HttpStatusCode.Redirect, removal.StatusCode);
        }

        Assert.Empty(await AttachmentsAsync(article.Id));
        var revisionsPage = AdminUrls.Of(AdminUrls.Articles, article.Id, AdminUrls.Segments.Revisions);

        using var restored = await editor.PostFormAsync(revisionsPage, AdminUrls.RestoreRevision(AdminUrls.Articles, article.Id, withFile), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var back = Assert.Single(await AttachmentsAsync(article.Id));
        Assert.Equal("Thông báo", back.DisplayName);
        var page = await factory.CreatePlainClient().GetDocumentAsync($"/tin-tuc/{article.Id}/{article.Slug}");
        Assert.Equal("Thông báo", page.QuerySelector("section.attachments li a")!.TextContent);
        var latest = await factory.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).Select(r => r.Attachments).FirstAsync());
        Assert.Single(AttachmentSnapshot.Parse(latest));
    }

    [Fact]
    public async Task A_static_page_carries_attachments_and_lists_them_while_published()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var fields = await AttachmentForms.ReadAsync(editor, AdminUrls.New(AdminUrls.Pages), "form-trang");
        var title = TestArticles.UniqueTitle("Thủ tục hành chính");
        fields.Set("Title", title);
        fields.Set("Body", "<p>Các biểu mẫu.</p>");
        fields.Set("IsPublished", "true");

        using var created = await AttachmentForms.PostAsync(editor, AdminUrls.New(AdminUrls.Pages), fields, ("Biểu mẫu.doc", DocumentBuilder.Ole2(["WordDocument"])));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await factory.WithDbAsync(db => db.StaticPages.AsNoTracking().Include(p => p.Attachments).ThenInclude(a => a.StoredFile).SingleAsync(p => p.Title == title));
        var attachment = Assert.Single(page.Attachments);
        Assert.Equal(FileKind.Doc, attachment.StoredFile!.Kind);
        var revision = await factory.WithDbAsync(db => db.StaticPageRevisions.Where(r => r.StaticPageId == page.Id).Select(r => r.Attachments).SingleAsync());
        Assert.Single(AttachmentSnapshot.Parse(revision));
        var html = await factory.CreatePlainClient().GetDocumentAsync(SiteUrls.Page(page.Slug));
        Assert.Equal("Biểu mẫu", html.QuerySelector("section.attachments li a")!.TextContent);
        Assert.Equal("DOC", html.QuerySelector(".attachment-kind")!.TextContent);
        Assert.Equal(VietnameseByteSize.Format(attachment.StoredFile.SizeBytes), html.QuerySelector(".attachment-size")!.TextContent);
        using var download = await factory.CreatePlainClient().GetAsync(new Uri(SiteUrls.File(attachment.StoredFileId, "Biểu mẫu.doc"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/msword", download.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>A ZIP of one entry of <paramref name="megabytes"/> MB of zeros, written through a stream.</summary>
    private static byte[] ZipOfZeros(int megabytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("so-lieu.pdf", System.IO.Compression.CompressionLevel.Optimal).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                entry.Write(zeros);
            }
        }

        return buffer.ToArray();
    }
}
