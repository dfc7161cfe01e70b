using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Search;
using DoJ.Portal.Search.Extraction;
using DoJ.Portal.Testing.Files;
using DoJ.Portal.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.IntegrationTests.Search;

/// <summary>Documents of the register and static pages in <c>/tim-kiem</c>, and the text of their files read in the background.</summary>
public sealed class DocumentAndPageSearchTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    private SearchIndex Index => factory.Services.GetRequiredService<SearchIndex>();

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<List<(string Label, string Href)>> ResultsAsync(string query)
    {
        await Index.WhenReady;
        var page = await factory.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        return page.QuerySelectorAll(".search-results li")
            .Select(t => (t.QuerySelector(".search-kind")!.TextContent, t.QuerySelector(".article-title a")!.GetAttribute("href")!)).ToList();
    }

    private async Task UpdateIndexAsync(ContentKind kind, int id)
    {
        await Index.WhenReady;
        await using var scope = factory.Services.CreateAsyncScope();
        await Index.UpdateAsync(scope.ServiceProvider.GetRequiredService<SearchContentRepository>(), kind, id);
    }

    internal static async Task<int> AddDocumentAsync(PortalWebApplicationFactory host, string number, string @abstract, bool published = true)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return await host.WithDbAsync(async db =>
        {
            RegisterTerm Term(RegisterTermKind kind, string name) => new() { Kind = kind, Name = name, Slug = name.ToLowerInvariant().Replace(' ', '-') + "-" + suffix };
            var now = host.Clock.GetUtcNow().UtcDateTime;
            var document = new LegalDocument
            {
                Number = number,
                NumberKey = DocumentNumber.Key(number),
                Slug = "van-ban-" + suffix,
                Abstract = @abstract,
                Signer = "Trần Thị Bình",
                DocumentType = Term(RegisterTermKind.DocumentType, "Quyết định"),
                IssuingBody = Term(RegisterTermKind.IssuingBody, "UBND tỉnh"),
                Field = Term(RegisterTermKind.Field, "Hộ tịch"),
                IssuedOn = new DateOnly(2025, 3, 1),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                Status = published ? ArticleStatus.Published : ArticleStatus.Draft,
                PublishedAtUtc = published ? now.AddHours(-1) : null,
            };
            db.LegalDocuments.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });
    }

    /// <summary>Stores a file as the upload would (waiting for its text) and attaches it to the document.</summary>
    internal static async Task<int> AttachPendingFileAsync(PortalWebApplicationFactory host, int documentId, FileKind kind, byte[] bytes)
    {
        var name = "test/" + Guid.NewGuid().ToString("N") + kind.Extension();
        // The host's configured data folder (two hosts share one that is not their factory's own).
        var filesRoot = host.Services.GetRequiredService<IOptions<DoJ.Portal.Data.StorageOptions>>().Value.FilesRoot;
        var path = Path.Combine(filesRoot, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
        return await host.WithDbAsync(async db =>
        {
            var file = new StoredFile
            {
                FileName = name,
                OriginalName = "tep" + kind.Extension(),
                Kind = kind,
                SizeBytes = bytes.Length,
                Sha256 = new string('0', StoredFile.Sha256Length),
                UploadedAtUtc = host.Clock.GetUtcNow().UtcDateTime,
                TextState = FileTextState.Pending,
            };
            db.Attachments.Add(new Attachment { StoredFile = file, DisplayName = "Tệp đính kèm", LegalDocumentId = documentId });
            await db.SaveChangesAsync();
            return file.Id;
        });
    }

    /// <summary>Moves the host's clock one poll interval at a time until no file waits; no timing is asserted.</summary>
    internal static async Task<bool> ExtractAllAsync(PortalWebApplicationFactory host)
    {
        var interval = host.Services.GetRequiredService<IOptions<FileTextOptions>>().Value.PollInterval;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (!await host.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.TextState == FileTextState.Pending)))
            {
                return true;
            }

            host.Clock.Advance(interval);
            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>Moves the clock one catch-up interval at a time until <paramref name="done"/>; no timing is asserted.</summary>
    internal static async Task<bool> EventuallyAsync(PortalWebApplicationFactory host, Func<bool> done)
    {
        for (var attempt = 0; attempt < 300 && !done(); attempt++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(50);
        }

        return done();
    }

    [Fact]
    public async Task A_published_document_and_a_static_page_are_found_labelled_and_linked_by_kind()
    {
        var id = await AddDocumentAsync(factory, "31/2026/QĐ-UBND", "Quyết định phê duyệt đề án số hóa sổ hộ tịch lưu trữ");
        var pageId = await factory.WithDbAsync(async db =>
        {
            var page = new StaticPage { Title = "Hướng dẫn số hóa sổ hộ tịch lưu trữ", Slug = "huong-dan-so-hoa", Body = "<p>Các bước.</p>", CreatedAtUtc = Now, UpdatedAtUtc = Now };
            db.StaticPages.Add(page);
            await db.SaveChangesAsync();
            return page.Id;
        });
        // Both adds were recorded in the change sequence, in their own transaction, with their new ids.
        var changes = await factory.WithDbAsync(db => db.ContentChanges.Select(c => new { c.Kind, c.ContentId }).ToListAsync());
        Assert.Contains(changes, c => c.Kind == ContentKind.Document && c.ContentId == id);
        Assert.Contains(changes, c => c.Kind == ContentKind.Page && c.ContentId == pageId);
        await UpdateIndexAsync(ContentKind.Document, id);
        await UpdateIndexAsync(ContentKind.Page, pageId);

        var results = await ResultsAsync("so hoa so ho tich luu tru");

        var slug = await factory.WithDbAsync(db => db.LegalDocuments.Where(d => d.Id == id).Select(d => d.Slug).SingleAsync());
        Assert.Contains(("Văn bản", $"/van-ban/{id}/{slug}"), results);
        Assert.Contains(("Trang", "/trang/huong-dan-so-hoa"), results);
        Assert.Equal([id], Index.FindDocumentIds("31/2026/qd-ubnd", 10, Now));
    }

    [Fact]
    public async Task An_unpublished_or_deleted_document_and_an_unpublished_page_are_not_found()
    {
        var draft = await AddDocumentAsync(factory, "41/2026/QĐ-UBND", "Quyết định về thẩm định giá tài sản đấu giá", published: false);
        var deleted = await AddDocumentAsync(factory, "42/2026/QĐ-UBND", "Quyết định về thẩm định giá tài sản đấu giá lần hai");
        await UpdateIndexAsync(ContentKind.Document, deleted);
        Assert.Contains(deleted, Index.FindDocumentIds("tham dinh gia tai san dau gia", 10, Now));

        // Deleted in the database only: the page shown is checked against it even before the index learns.
        await factory.WithDbAsync(async db =>
        {
            var row = await db.LegalDocuments.SingleAsync(d => d.Id == deleted);
            row.MoveToBin(null, Now);
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await ResultsAsync("tham dinh gia tai san dau gia"), r => r.Href.StartsWith("/van-ban/", StringComparison.Ordinal));

        await UpdateIndexAsync(ContentKind.Document, deleted);
        await UpdateIndexAsync(ContentKind.Document, draft);
        Assert.Empty(Index.FindDocumentIds("tham dinh gia tai san dau gia", 10, Now));

        var pageId = await factory.WithDbAsync(async db =>
        {
            var page = new StaticPage { Title = "Trang thử nghiệm khảo sát trực tuyến", Slug = "khao-sat-thu", Body = "<p>Nội dung.</p>", CreatedAtUtc = Now, UpdatedAtUtc = Now };
            db.StaticPages.Add(page);
            await db.SaveChangesAsync();
            return page.Id;
        });
        await UpdateIndexAsync(ContentKind.Page, pageId);
        Assert.Contains(("Trang", "/trang/khao-sat-thu"), await ResultsAsync("khao sat truc tuyen thu nghiem"));
        await factory.WithDbAsync(async db =>
        {
            (await db.StaticPages.SingleAsync(p => p.Id == pageId)).IsPublished = false;
            await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<DoJ.Portal.Web.Caching.PublicCache>().PagesChangedAsync(); // as the page editor does
        await UpdateIndexAsync(ContentKind.Page, pageId);
        Assert.DoesNotContain(await ResultsAsync("khao sat truc tuyen thu nghiem"), r => r.Href == "/trang/khao-sat-thu");
    }

    [Fact]
    public async Task The_text_of_an_uploaded_pdf_and_docx_is_read_in_the_background_and_finds_the_document_and_an_unreadable_file_is_marked()
    {
        var pdfDocument = await AddDocumentAsync(factory, "51/2026/QĐ-UBND", "Quyết định công bố thủ tục");
        var docxDocument = await AddDocumentAsync(factory, "52/2026/KH-STP", "Kế hoạch thực hiện năm 2026");
        var brokenDocument = await AddDocumentAsync(factory, "53/2026/CV-STP", "Công văn đôn đốc");
        await AttachPendingFileAsync(factory, pdfDocument, FileKind.Pdf, TestFiles.Pdf("Phu luc: quy trinh lien thong khai tu xoa dang ky thuong tru tai xa Quang Vinh"));
        var broken = await AttachPendingFileAsync(factory, brokenDocument, FileKind.Pdf, [.. "%PDF-1.7 not really"u8]);
        await AttachPendingFileAsync(factory, docxDocument, FileKind.Docx, TestFiles.Docx("Tuyên truyền về bảo vệ quyền lợi người tiêu dùng vùng biên giới"));

        Assert.True(await ExtractAllAsync(factory), "files were still waiting");

        var states = await factory.WithDbAsync(db => db.StoredFiles.Where(f => f.Id == broken).Select(f => new { f.TextState, f.TextNote }).SingleAsync());
        Assert.Equal(FileTextState.Unreadable, states.TextState);
        Assert.Equal(FileTextReader.DamagedNote, states.TextNote);
        // This instance's index takes the documents right after each file; the catch-up also brings them.
        Assert.True(await EventuallyAsync(factory, () => Index.FindDocumentIds("lien thong khai tu xoa dang ky thuong tru tai xa quang vinh", 10, Now).SequenceEqual([pdfDocument])), "the PDF's text never found its document");
        // Each document is awaited: seen once on CI, the PDF's document was found and missing at the very next read
        // (cause not yet found; noted in the issue). The test still fails if a document never (or no longer) is found.
        Assert.True(await EventuallyAsync(factory, () => Index.FindDocumentIds("quyen loi nguoi tieu dung vung bien gioi", 10, Now).SequenceEqual([docxDocument])), "the DOCX's text never found its document");
        Assert.True(await EventuallyAsync(factory, () => Index.FindDocumentIds("lien thong khai tu xoa dang ky thuong tru tai xa quang vinh", 10, Now).SequenceEqual([pdfDocument])), "the PDF's document left the index");
        Assert.Contains(await ResultsAsync("quyền lợi người tiêu dùng vùng biên giới"), r => r.Label == "Văn bản" && r.Href.StartsWith($"/van-ban/{docxDocument}/", StringComparison.Ordinal));

        var admin = await StaffSession.SignInAsync(factory, Domain.PortalRoles.Administrator);
        var jobs = await admin.GetAsync("/quan-tri/tac-vu");
        Assert.Contains(FileTextReader.DamagedNote, jobs.Body!.TextContent, StringComparison.Ordinal);
    }
}
