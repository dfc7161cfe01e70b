using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DoJ.Portal.Data;
using DoJ.Portal.DatasetGenerator;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DoJ.Portal.Testing.Web.HtmlReader;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary>
/// tools/DoJ.Portal.DatasetGenerator: the benchmark dataset (issue 10, docs/performance.md "Test data"), which the
/// portal then shows and, the index being derived data, indexes itself.
/// </summary>
public sealed class DatasetGeneratorTests : IDisposable
{
    /// <summary>A word of nearly every generated article.</summary>
    private const string CommonWord = "pháp";

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "dataset-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqlitePools.Clear(dataPath);
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task Generate_fills_an_empty_database_with_articles_and_a_menu_and_the_portal_shows_them_and_indexes_them_at_its_next_start()
    {
        var output = await GenerateAsync(0, "--articles", "400");

        Assert.Contains("reindex", output, StringComparison.Ordinal);
        await using (var db = Open())
        {
            Assert.Equal(400, await db.Articles.CountAsync());
            var categories = await db.Categories.CountAsync();
            Assert.True(categories >= 5, $"{categories} categories");
            Assert.Equal(categories, await db.MenuItems.CountAsync(m => m.Kind == MenuItemKind.Category && m.IsEnabled));
            Assert.Equal(1, await db.MenuItems.CountAsync(m => m.Kind == MenuItemKind.Url && m.Url == "/"));
            // The tool leaves the index alone: no change for a running portal to follow, no index folder.
            Assert.Equal(0, await db.ContentChanges.CountAsync());
        }

        Assert.False(Directory.Exists(Path.Combine(dataPath, "search-index")));

        int found;
        using (var portal = Portal())
        {
            var home = await portal.CreateClient().GetDocumentAsync("/");
            Assert.Equal(
                await portal.WithDbAsync(db => db.Categories.CountAsync()),
                home.QuerySelectorAll("section.category-block").Length);
            Assert.NotEmpty(home.QuerySelectorAll("section.category-block a[href^='/tin-tuc/']"));
            found = await SearchCountAsync(portal);
            Assert.True(found > 0, "the portal built no index at start");
        }

        // A second run on the same data: the portal's index now exists but no longer matches the database.
        await GenerateAsync(0, "--articles", "100");
        using (var portal = Portal())
        {
            // The stale index answers while its replacement is built; once that is swapped in, the cached search page
            // is evicted and the new count shows (the page cache would otherwise keep the old one for minutes).
            var rebuilt = false;
            for (var attempt = 0; attempt < 240 && !rebuilt; attempt++)
            {
                rebuilt = await SearchCountAsync(portal) > found;
                if (!rebuilt)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(rebuilt, "the portal did not rebuild its stale index at start, or its cached search page outlived it");
        }
    }

    [Fact]
    public async Task Generate_refuses_a_database_of_more_than_1000_articles_unless_told_to_append()
    {
        await GenerateAsync(0, "--articles", "1001");

        var refused = await GenerateAsync(1, "--articles", "10");
        Assert.Contains("already holds 1,001 articles", refused, StringComparison.Ordinal);
        await GenerateAsync(0, "--articles", "10", "--append");
        await using var db = Open();
        Assert.Equal(1_011, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Generate_creates_documents_deterministically_with_terms_shared_files_and_every_legal_status_and_leaves_the_articles_unchanged()
    {
        var second = dataPath + "-second";
        var without = dataPath + "-without";
        try
        {
            await GenerateIntoAsync(0, dataPath, "--articles", "60", "--documents", "600", "--seed", "7");
            await GenerateIntoAsync(0, second, "--articles", "60", "--documents", "600", "--seed", "7");
            await GenerateIntoAsync(0, without, "--articles", "60", "--documents", "0", "--seed", "7");

            var (documents, files, attachments) = await DocumentsAsync(dataPath);
            Assert.Equal(600, documents.Count);
            Assert.Equal(Rows(documents), Rows((await DocumentsAsync(second)).Documents));
            Assert.Equal(await ArticlesAsync(dataPath), await ArticlesAsync(without));
            Assert.Empty((await DocumentsAsync(without)).Documents);

            Assert.All(documents, d => Assert.Matches(@"^\d+/(\d{4}/)?[A-ZĐa-z]+-[A-ZĐa-z]+$", d.Number));
            // A number without a year recurs from one year to the next, as in a real register; never within a year.
            Assert.Equal(documents.Count, documents.Select(d => (d.Number, d.IssuedOn.Year)).Distinct().Count());
            var today = Domain.Time.VietnamTime.DayOf(DateTime.UtcNow);
            Assert.Equal(3, documents.Select(d => d.EffectOn(today)).Distinct().Count());
            Assert.True(documents.Select(d => d.DocumentTypeId).Distinct().Count() >= 8, "the document types are reused");
            Assert.Equal(DocumentWriter.SharedFiles, files.Count);
            Assert.All(files, f =>
            {
                // Read by the generator as the portal reads files: a first start has no file to read.
                Assert.Equal(Domain.Files.FileTextState.Extracted, f.TextState);
                Assert.Contains("TÀI LIỆU KÈM THEO SỐ", f.Text, StringComparison.Ordinal);
                Assert.Equal(f.SizeBytes, new FileInfo(Data.Seeding.DocumentFiles.PathOf(Path.Combine(dataPath, Data.StorageOptions.FilesFolder), f.FileName)).Length);
            });
            Assert.InRange(attachments, 600 / 8, 600 / 2);
        }
        finally
        {
            foreach (var path in new[] { second, without })
            {
                SqlitePools.Clear(path);
                try
                {
                    Directory.Delete(path, recursive: true);
                }
                catch (IOException)
                {
                    // As in Dispose.
                }
            }
        }
    }

    [Fact]
    public async Task Generate_creates_public_albums_of_shared_library_images_which_the_portal_lists_and_shows_with_their_photos()
    {
        await GenerateAsync(0, "--articles", "40", "--documents", "0", "--albums", "30");

        var shared = Data.Seeding.DemoPhotoSeeder.Load().Photos.Count;
        List<Domain.Gallery.Album> albums;
        await using (var db = Open())
        {
            albums = await db.Albums.AsNoTracking().Include(a => a.Photos).OrderBy(a => a.Id).ToListAsync();
            var media = await db.Media.AsNoTracking().ToListAsync();
            Assert.Equal(shared, media.Count);
            // Each shared image is a library image with its file, waiting for the portal to make its variants.
            Assert.All(media, m =>
            {
                Assert.Equal("", m.VariantWidths);
                Assert.Equal(m.SizeBytes, new FileInfo(Path.Combine(dataPath, StorageOptions.UploadsFolder, m.FileName)).Length);
            });
            Assert.Equal(0, await db.LegalDocuments.CountAsync());
        }

        Assert.Equal(30, albums.Count);
        var now = DateTime.UtcNow;
        Assert.All(albums, a =>
        {
            Assert.True(a.IsPublic(now), $"album {a.Id} is not public");
            Assert.DoesNotContain('{', a.Title + a.Description + string.Concat(a.Photos.Select(p => p.Caption)));
            Assert.Equal(Domain.Text.Slug.From(a.Title, Domain.Gallery.Album.SlugMaxLength), a.Slug);
            Assert.InRange(a.Photos.Count, AlbumComposer.MinPhotos, AlbumComposer.MaxPhotos);
            Assert.Equal(a.Photos.Count, a.Photos.Select(p => p.MediaId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, a.Photos.Count), a.Photos.Select(p => p.Position).Order());
            Assert.All(a.Photos, p => Assert.False(string.IsNullOrWhiteSpace(p.AltText)));
        });
        // Dated like the articles: over years, ids growing with time.
        Assert.True(albums.Select(a => a.TakenOn.Year).Distinct().Count() >= 5, "the albums' dates are not spread over the years");
        Assert.Equal(albums.Select(a => a.PublishedAtUtc), albums.Select(a => a.PublishedAtUtc).Order());

        using var portal = Portal();
        // The generator dated the albums by the real clock; the test portal's clock starts earlier.
        if (DateTimeOffset.UtcNow > portal.Clock.GetUtcNow())
        {
            portal.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        }

        var client = portal.CreateClient();
        // What the portal's background conversion does at its start (turned off in tests).
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.Equal(shared, await scope.ServiceProvider.GetRequiredService<ImageConversion>().ConvertWaitingAsync(null));
        }

        var list = await client.GetDocumentAsync("/thu-vien-anh");
        var cards = list.QuerySelectorAll(".album-card-title a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(12, cards.Count);
        var newest = albums[^1];
        Assert.Equal(Invariant($"/thu-vien-anh/{newest.Id}/{newest.Slug}"), cards[0]);
        using (var last = await client.GetAsync(new Uri("/thu-vien-anh?trang=3", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }

        // Listed as an album saved in the admin is: the home block and the sitemap (albums are not in the search index).
        var home = await client.GetDocumentAsync("/");
        Assert.Contains(home.QuerySelectorAll("a[href^='/thu-vien-anh/']"), a => a.GetAttribute("href") == cards[0]);
        var sitemap = await client.GetStringAsync(new Uri(Web.Navigation.SiteUrls.SitemapFile("thu-vien-anh", 0), UriKind.Relative));
        Assert.All(albums, a => Assert.Contains(Invariant($"/thu-vien-anh/{a.Id}/{a.Slug}</loc>"), sitemap, StringComparison.Ordinal));

        foreach (var album in new[] { newest, albums[0] })
        {
            var page = await client.GetDocumentAsync(Invariant($"/thu-vien-anh/{album.Id}/{album.Slug}"));
            Assert.Equal(album.Title, page.QuerySelector("h1")!.TextContent.Trim());
            var items = page.QuerySelectorAll(".album-grid-item");
            Assert.Equal(album.Photos.Count, items.Length);
            Assert.Equal(album.Photos.OrderBy(p => p.Position).Select(p => p.Caption), items.Select(i => i.QuerySelector("figcaption")!.TextContent.Trim()));
            foreach (var item in items)
            {
                var image = item.QuerySelector("img")!;
                var webp = item.QuerySelector("source[type='image/webp']")?.GetAttribute("srcset");
                Assert.False(string.IsNullOrEmpty(webp), "a photo has no WebP variants");
                foreach (var url in new[] { image.GetAttribute("src")!, webp!.Split(',')[0].Trim().Split(' ')[0], item.QuerySelector("a")!.GetAttribute("href")! })
                {
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {response.StatusCode}");
                    Assert.StartsWith("image/", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
                }
            }
        }
    }

    private static async Task<(List<Domain.Documents.LegalDocument> Documents, List<Domain.Files.StoredFile> Files, int Attachments)> DocumentsAsync(string path)
    {
        await using var db = Open(path);
        var documents = await db.LegalDocuments.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        return (documents, await db.StoredFiles.AsNoTracking().ToListAsync(), await db.Attachments.CountAsync(a => a.LegalDocumentId != null));
    }

    /// <summary>The fields that make a document (ids of terms are the same in two fresh databases); times follow the clock.</summary>
    private static List<string> Rows(List<Domain.Documents.LegalDocument> documents) =>
        documents.Select(d => string.Join('|', d.Id, d.Number, d.NumberKey, d.Slug, d.Abstract, d.Signer, d.DocumentTypeId, d.IssuingBodyId,
            d.FieldId, d.IssuedOn, d.EffectiveOn, d.ExpiresOn, d.Status, d.ConcurrencyStamp)).ToList();

    private static async Task<List<string>> ArticlesAsync(string path)
    {
        await using var db = Open(path);
        return await db.Articles.OrderBy(a => a.Id).Select(a => a.Title + "|" + a.Slug + "|" + a.Body + "|" + a.Status).ToListAsync();
    }

    private Task<string> GenerateAsync(int expectedCode, params string[] args) => GenerateIntoAsync(expectedCode, dataPath, args);

    private static async Task<string> GenerateIntoAsync(int expectedCode, string path, params string[] args)
    {
        var output = new StringWriter();
        var code = await DatasetTool.RunAsync([.. args, $"--{StorageOptions.Section}:DataPath={path}", $"--{DatabaseOptions.Section}:Provider=Sqlite"], output);
        Assert.True(code == expectedCode, output.ToString());
        return output.ToString();
    }

    private PortalDbContext Open() => Open(dataPath);

    private static PortalDbContext Open(string path)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, null, path);
        return new PortalDbContext(options.Options);
    }

    private PortalWebApplicationFactory Portal() =>
        new PortalWebApplicationFactory().With("Storage:DataPath", dataPath).With("Database:SeedDemoContent", "false");

    /// <summary>The number of matches the search page shows for <see cref="CommonWord"/>, once the index is ready.</summary>
    private static async Task<int> SearchCountAsync(PortalWebApplicationFactory portal)
    {
        var client = portal.CreateClient();
        var url = new Uri("/tim-kiem?q=" + Uri.EscapeDataString(CommonWord), UriKind.Relative);
        for (var attempt = 1; ; attempt++)
        {
            // The page waits 10 s for the index, then answers 503; a rebuild on a busy machine may take longer.
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 6)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await HtmlReader.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.NotEmpty(page.QuerySelectorAll("ol.search-results a[href^='/tin-tuc/']"));
            var count = Regex.Match(page.QuerySelector(".result-count")?.TextContent ?? "", @"Tìm thấy ([\d.]+) kết quả");
            Assert.True(count.Success, "no result count");
            return int.Parse(count.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
    }
}
