using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MediaEntity = DoJ.Portal.Domain.Content.Media;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary>
/// The PhotosAndVideo migration turns an old free-text thumbnail that names a library image into the article's lead
/// image. Rows are written on the current model, the migration is taken down and up again, and the mapping is read.
/// </summary>
public sealed class PhotosAndVideoMigrationTests : IDisposable
{
    private const string Before = "DocumentsAndAttachments";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"doj-migration-{Guid.NewGuid():N}.db");

    private PortalDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", Path.GetTempPath());
        return new PortalDbContext(options.Options);
    }

    [Fact]
    public async Task A_thumbnail_naming_a_library_image_becomes_the_lead_image_and_others_stay_empty()
    {
        int mapped, unmapped, thumbMapped;
        int mediaId;
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
            var category = new Category { Name = "Tin hoạt động", Slug = "tin-hoat-dong" };
            db.Categories.Add(category);
            var media = new MediaEntity { FileName = "2025/05/0123456789abcdef0123456789abcdef.jpg", ThumbnailFileName = "2025/05/0123456789abcdef0123456789abcdef-thumb.jpg", OriginalName = "le-trao-giai.jpg", ContentType = "image/jpeg", Width = 1200, Height = 800, AltText = "Lễ trao giải" };
            db.Media.Add(media);
            await db.SaveChangesAsync();
            mediaId = media.Id;
            Article Add(string title, string? thumbnail)
            {
                var article = new ArticleBuilder().Titled(title).WithSlug(Guid.NewGuid().ToString("N")).InCategory(category.Id).Build();
                article.ThumbnailPath = thumbnail;
                db.Articles.Add(article);
                return article;
            }

            var a = Add("Bài có ảnh thư viện", "/media/" + media.FileName);
            var b = Add("Bài có ảnh ngoài", "/img/khac.jpg");
            var c = Add("Bài có ảnh thu nhỏ", "/media/" + media.ThumbnailFileName);
            await db.SaveChangesAsync();
            (mapped, unmapped, thumbMapped) = (a.Id, b.Id, c.Id);
        }

        await using (var db = CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().Last(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
            await migrator.MigrateAsync(previous);
            await migrator.MigrateAsync();
        }

        await using (var db = CreateContext())
        {
            var rows = await db.Articles.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Id == mapped || a.Id == unmapped || a.Id == thumbMapped)
                .ToDictionaryAsync(a => a.Id);
            Assert.Equal(mediaId, rows[mapped].LeadImageId);
            Assert.Equal("Lễ trao giải", rows[mapped].LeadImageAlt);
            Assert.Equal(mediaId, rows[thumbMapped].LeadImageId);
            Assert.Null(rows[unmapped].LeadImageId);
        }
    }

    public void Dispose()
    {
        // Pooling=False: no pool to clear.
        File.Delete(path);
    }
}
