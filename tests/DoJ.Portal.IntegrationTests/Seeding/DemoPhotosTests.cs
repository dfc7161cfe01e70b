using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.IntegrationTests.Seeding;

/// <summary>The demo photos a fresh start loads (issue 20, part 6; docs/demo-content.md): lead images and two albums.</summary>
public sealed class DemoPhotosTests : IClassFixture<DemoDocumentsTests.FreshPortal>
{
    private readonly PortalWebApplicationFactory factory;

    public DemoPhotosTests(DemoDocumentsTests.FreshPortal portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        factory = portal.Factory;
    }

    [Fact]
    public async Task Every_demo_photo_is_a_library_image_on_disk_with_alt_text_and_its_own_size()
    {
        var media = await factory.WithDbAsync(db => db.Media.AsNoTracking().ToListAsync());

        Assert.Equal(DemoPhotoSeeder.Load().Photos.Count, media.Count);
        Assert.All(media, m =>
        {
            Assert.Matches(@"^\d{4}/\d{2}/[0-9a-f]{32}\.jpg$", m.FileName);
            var path = Path.Combine(factory.DataPath, StorageOptions.UploadsFolder, m.FileName);
            Assert.True(File.Exists(path), path);
            Assert.Equal(m.SizeBytes, new FileInfo(path).Length);
            Assert.Equal((m.Width, m.Height), DemoPhotoSeeder.JpegSize(File.ReadAllBytes(path)));
            Assert.False(string.IsNullOrWhiteSpace(m.AltText), m.OriginalName);
        });
        // A few hundred KB in all: the repository stays small.
        Assert.InRange(media.Sum(m => m.SizeBytes), 100_000, 800_000);
    }

    [Fact]
    public async Task The_award_and_event_reports_have_lead_images_with_alt_text_and_the_featured_award_report_is_one()
    {
        var leads = await factory.WithDbAsync(db => db.Articles.AsNoTracking().Where(a => a.LeadImageId != null)
            .Select(a => new { a.Title, a.LeadImageAlt, a.IsFeatured, a.Status, Revision = a.Revisions.OrderBy(r => r.Id).Select(r => r.LeadImageId).First() }).ToListAsync());

        Assert.True(leads.Count >= 10, $"{leads.Count} articles with a lead image");
        Assert.All(leads, a => Assert.False(string.IsNullOrWhiteSpace(a.LeadImageAlt), a.Title));
        // The first revision keeps the lead image: restoring it does not lose the photo.
        Assert.All(leads, a => Assert.NotNull(a.Revision));
        Assert.Contains(leads, a => a.IsFeatured && a.Title.StartsWith("01 tập thể, 01 cá nhân", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_published_albums_of_four_photos_each_are_shown_under_their_reports()
    {
        var albums = await factory.WithDbAsync(db => db.Albums.AsNoTracking()
            .Select(a => new
            {
                a.Title,
                a.Status,
                a.PublishedAtUtc,
                a.TakenOn,
                Photos = a.Photos.OrderBy(p => p.Position).Select(p => new { p.AltText, p.Caption, p.Position }).ToList(),
                Articles = db.Articles.Where(x => x.AlbumId == a.Id).Select(x => x.PublishedAtUtc).ToList(),
            }).ToListAsync());

        Assert.Equal(2, albums.Count);
        Assert.All(albums, a =>
        {
            Assert.Equal(ArticleStatus.Published, a.Status);
            Assert.Equal(4, a.Photos.Count);
            Assert.Equal([1, 2, 3, 4], a.Photos.Select(p => p.Position));
            Assert.All(a.Photos, p => Assert.False(string.IsNullOrWhiteSpace(p.AltText)));
            var article = Assert.Single(a.Articles);
            Assert.Equal(VietnamTime.DayOf(article!.Value), a.TakenOn);
            Assert.True(a.PublishedAtUtc > article, a.Title);
        });
    }

    [Fact]
    public async Task The_search_shows_an_article_hit_with_its_lead_image_and_alt_text()
    {
        await factory.Services.GetRequiredService<DoJ.Portal.Search.SearchIndex>().WhenReady;
        var award = await factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Title.StartsWith("01 tập thể, 01 cá nhân")).Select(a => new { a.Id, a.LeadImageAlt }).SingleAsync());

        var page = await factory.CreateClient().GetDocumentAsync("/tim-kiem?q=" + Uri.EscapeDataString("bằng khen bình đẳng giới"));

        var hit = page.QuerySelectorAll("li.search-hit").First(li => li.QuerySelector($"a[href^='/tin-tuc/{award.Id}/']") is not null);
        var image = hit.QuerySelector("img.article-thumb")!;
        Assert.NotNull(image);
        Assert.Equal(award.LeadImageAlt, image.GetAttribute("alt"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.StartsWith("/media/", image.GetAttribute("src"), StringComparison.Ordinal);
        // Documents and pages have no lead image.
        Assert.All(page.QuerySelectorAll("li.search-hit[data-kind='document'] img, li.search-hit[data-kind='page'] img"), _ => Assert.Fail("an image on a document or page hit"));
    }

    [Fact]
    public async Task Seeding_again_adds_no_image_album_or_file()
    {
        static Task<string> CountsAsync(PortalWebApplicationFactory f) => f.WithDbAsync(async db => string.Join(',',
            await db.Media.CountAsync(), await db.Albums.CountAsync(), await db.AlbumPhotos.CountAsync()));
        var uploads = Path.Combine(factory.DataPath, StorageOptions.UploadsFolder);
        var before = await CountsAsync(factory);
        var originals = Directory.GetFiles(uploads, "*.jpg", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).Contains('-', StringComparison.Ordinal)).ToList();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        Assert.Equal(before, await CountsAsync(factory));
        Assert.Equal(originals.Count, Directory.GetFiles(uploads, "*.jpg", SearchOption.AllDirectories).Count(f => !Path.GetFileName(f).Contains('-', StringComparison.Ordinal)));
    }
}
