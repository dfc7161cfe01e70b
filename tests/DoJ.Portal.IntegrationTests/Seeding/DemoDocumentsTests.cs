using System.Security.Cryptography;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Seeding;

/// <summary>The demo register a fresh start loads (issue 19, part 5; docs/demo-content.md).</summary>
public sealed class DemoDocumentsTests : IClassFixture<DemoDocumentsTests.FreshPortal>
{
    private readonly PortalWebApplicationFactory factory;

    public DemoDocumentsTests(FreshPortal portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        factory = portal.Factory;
    }

    [Fact]
    public async Task On_a_fresh_start_the_register_finds_a_demo_document_by_a_phrase_that_exists_only_inside_its_file()
    {
        // 123/KH-STP: the phrase is in its file's text, not in its abstract (docs/demo-content.md).
        Assert.True(await Search.DocumentAndPageSearchTests.ExtractAllAsync(factory), "the demo files were never read");
        var found = await Search.DocumentAndPageSearchTests.EventuallyAsync(factory, () =>
            factory.Services.GetRequiredService<DoJ.Portal.Search.SearchIndex>()
                .FindDocumentIds("phiên tòa giả định về tranh chấp đất đai", 10, factory.Clock.GetUtcNow().UtcDateTime).Count == 1);
        Assert.True(found, "the index never held the file's text");
        await factory.Services.GetRequiredService<DoJ.Portal.Web.Caching.PublicCache>().SearchResultsChangedAsync();

        var register = await factory.CreateClient().GetDocumentAsync("/van-ban?q=" + Uri.EscapeDataString("phiên tòa giả định về tranh chấp đất đai"));

        Assert.Equal(["123/KH-STP"], register.QuerySelectorAll("table.document-register tbody th[scope=row]").Select(th => th.TextContent.Trim()));
    }

    [Fact]
    public async Task A_fresh_start_publishes_about_fifteen_documents_each_with_its_three_terms_and_a_file()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var documents = await factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking()
            .Include(d => d.DocumentType).Include(d => d.IssuingBody).Include(d => d.Field)
            .Include(d => d.Attachments).Include(d => d.Revisions)
            .ToListAsync());

        Assert.InRange(documents.Count, 14, 20);
        Assert.All(documents, d =>
        {
            Assert.True(d.IsPublic(now), $"{d.Number} is not public");
            Assert.Equal(RegisterTermKind.DocumentType, d.DocumentType!.Kind);
            Assert.Equal(RegisterTermKind.IssuingBody, d.IssuingBody!.Kind);
            Assert.Equal(RegisterTermKind.Field, d.Field!.Kind);
            Assert.Equal(DocumentNumber.Key(d.Number), d.NumberKey);
            Assert.True(Domain.Text.Slug.IsWellFormed(d.Slug, LegalDocument.SlugMaxLength), d.Slug);
            Assert.InRange(d.Attachments.Count, 1, 2);
            Assert.Single(d.Revisions);
        });
        Assert.Contains(documents, d => d.Number == "15/2025/QĐ-UBND" && d.DocumentType!.Slug == "quyet-dinh");
        Assert.Contains(documents, d => d.Number == "123/KH-STP");
        Assert.Contains(documents, d => d.Number == "456/STP-HCTP" && d.Field!.Slug == "ho-tich");
        Assert.Contains(documents, d => d.Field!.Slug is "chung-thuc" or "cong-chung");
    }

    [Fact]
    public async Task The_issuing_bodies_carry_the_locality_of_the_site_settings()
    {
        var (settings, bodies) = await factory.WithDbAsync(async db => (
            await db.SiteSettings.SingleAsync(),
            await db.RegisterTerms.Where(t => t.Kind == RegisterTermKind.IssuingBody).ToListAsync()));

        Assert.Equal("Ủy ban nhân dân thành phố Huế", settings.ParentAgency);
        Assert.Contains(bodies, b => b.Name == settings.ParentAgency && b.Slug == "uy-ban-nhan-dan");
        Assert.Contains(bodies, b => b.Name == settings.SiteName && b.Slug == "so-tu-phap");
        Assert.Contains(bodies, b => b.Name == "Bộ Tư pháp");
        Assert.DoesNotContain(bodies, b => b.Name.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_file_is_on_disk_with_the_size_and_Sha256_of_its_row_and_waits_for_text_extraction()
    {
        var files = await factory.WithDbAsync(db => db.Attachments.AsNoTracking()
            .Where(a => a.LegalDocumentId != null).Select(a => a.StoredFile!).ToListAsync());

        Assert.True(files.Count >= 15);
        Assert.Contains(files, f => f.Kind == FileKind.Pdf);
        Assert.Contains(files, f => f.Kind == FileKind.Docx);
        Assert.All(files, f =>
        {
            var path = DocumentFiles.PathOf(Path.Combine(factory.DataPath, StorageOptions.FilesFolder), f.FileName);
            Assert.True(File.Exists(path), path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(f.SizeBytes, bytes.LongLength);
            Assert.Equal(f.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|docx)$", f.FileName);
            // Waiting for the background reading, or read already (it starts with the portal).
            Assert.True(f.TextState is FileTextState.Pending or FileTextState.Extracted, $"{f.FileName}: {f.TextState} {f.TextNote}");
        });
    }

    [Fact]
    public async Task The_award_decision_is_linked_to_the_seed_award_report()
    {
        var decision = await factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking()
            .Include(d => d.RelatedArticles).ThenInclude(r => r.Article)
            .SingleAsync(d => d.Number == "112/QĐ-UBND"));

        var report = Assert.Single(decision.RelatedArticles).Article!;
        Assert.Equal("Tiên An", report.Author);
        Assert.StartsWith("01 tập thể, 01 cá nhân cơ quan Sở Tư pháp", report.Title, StringComparison.Ordinal);
        Assert.Contains("Bằng khen", decision.Abstract, StringComparison.Ordinal);
        Assert.True(decision.IssuedOn < VietnamTime.DayOf(report.PublishedAtUtc!.Value));
    }

    [Fact]
    public async Task The_three_legal_statuses_appear_on_the_seeding_day()
    {
        var today = VietnamTime.DayOf(factory.Clock.GetUtcNow().UtcDateTime);
        var documents = await factory.WithDbAsync(db => db.LegalDocuments.AsNoTracking().ToListAsync());

        Assert.Equal(
            [LegalEffect.NotYetInEffect, LegalEffect.InEffect, LegalEffect.Expired],
            documents.Select(d => d.EffectOn(today)).Distinct().Order());
        // The document dated from the seeding day carries that day's year in its number.
        // The demo draft open for comment (docs/draft-comments.md) is not in effect either; it is not the one meant here.
        var coming = Assert.Single(documents, d => d.EffectOn(today) == LegalEffect.NotYetInEffect && d.CommentsOpenOn is null);
        Assert.Equal($"42/{coming.IssuedOn.Year}/QĐ-UBND", coming.Number);
    }

    [Fact]
    public async Task The_Van_ban_menu_item_points_to_the_register()
    {
        var item = await factory.WithDbAsync(db => db.MenuItems.AsNoTracking().SingleAsync(m => m.Title == "Văn bản"));

        Assert.Equal(MenuItemKind.Url, item.Kind);
        Assert.Equal("/van-ban", item.Url);
        Assert.True(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.Url == "https://vbpl.vn")), "the national legal database stays in the link directory");
    }

    [Fact]
    public async Task Seeding_again_adds_no_document_term_or_file()
    {
        static Task<string> CountsAsync(PortalWebApplicationFactory f) => f.WithDbAsync(async db => string.Join(',',
            await db.LegalDocuments.CountAsync(), await db.RegisterTerms.CountAsync(), await db.StoredFiles.CountAsync(),
            await db.Attachments.CountAsync(), await db.LegalDocumentArticles.CountAsync()));
        var before = await CountsAsync(factory);
        var filesBefore = Directory.GetFiles(Path.Combine(factory.DataPath, StorageOptions.FilesFolder), "*", SearchOption.AllDirectories).Length;

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(before, await CountsAsync(factory));
        Assert.Equal(filesBefore, Directory.GetFiles(Path.Combine(factory.DataPath, StorageOptions.FilesFolder), "*", SearchOption.AllDirectories).Length);
    }

    /// <summary>One fresh portal for the class: seeding is what is tested, and every test only reads.</summary>
    public sealed class FreshPortal : IDisposable
    {
        public FreshPortal()
        {
            Factory = new PortalWebApplicationFactory();
            _ = Factory.Server;
        }

        public PortalWebApplicationFactory Factory { get; }

        public void Dispose() => Factory.Dispose();
    }
}
