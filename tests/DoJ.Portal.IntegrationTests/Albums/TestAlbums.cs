using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;

namespace DoJ.Portal.IntegrationTests.Albums;

/// <summary>Albums written straight to the database, with library images (rows only: pages need no files to render).</summary>
internal static class TestAlbums
{
    private static int counter;

    public static async Task<Album> AddAlbumAsync(this PortalWebApplicationFactory factory, string title, ArticleStatus status = ArticleStatus.Published,
        DateTime? publishedAtUtc = null, int photos = 3, bool deleted = false, string? alt = "Toàn cảnh hội nghị")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var n = Interlocked.Increment(ref counter);
        var album = new Album
        {
            Title = title,
            Slug = DoJ.Portal.Domain.Text.Slug.From(title, 80),
            Description = "Hình ảnh " + title,
            TakenOn = new DateOnly(2026, 11, 20),
            Status = status,
            PublishedAtUtc = status == ArticleStatus.Published ? publishedAtUtc ?? now.AddDays(-1) : publishedAtUtc,
            IsDeleted = deleted,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        for (var i = 0; i < photos; i++)
        {
            album.Photos.Add(new AlbumPhoto
            {
                Position = i + 1,
                Caption = $"Chú thích ảnh {i + 1}",
                AltText = alt is null ? "" : $"{alt} {i + 1}",
                Media = new Domain.Content.Media
                {
                    FileName = $"2026/11/{n:D4}{i:D4}aaaaaaaaaaaaaaaaaaaaaaaa.webp",
                    OriginalName = $"anh-{i}.jpg",
                    ContentType = "image/webp",
                    Width = 1600,
                    Height = 1200,
                    SizeBytes = 1000,
                    AltText = "",
                    VariantWidths = "320,640,1280",
                    UploadedAtUtc = now,
                },
            });
        }

        await factory.WithDbAsync(async db =>
        {
            db.Albums.Add(album);
            await db.SaveChangesAsync();
        });
        return album;
    }
}
