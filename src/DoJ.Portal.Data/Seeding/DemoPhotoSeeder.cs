using System.Globalization;
using System.Text.Json;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// The demo photos (<c>demo-photos.json</c>, JPEGs drawn by <c>tools/DoJ.Portal.DemoPhotos</c>): each copied into the
/// uploads folder under a generated name as an image of the library, set as the lead image of the award and event
/// reports it shows, and gathered into two published albums, each shown under its report. The images are stored as
/// drawn; their responsive variants are made by the background conversion like any image uploaded before variants
/// existed (docs/images.md). Part of <see cref="DemoContentSeeder.SeedAsync"/>, so it runs once, into an empty database.
/// </summary>
public static class DemoPhotoSeeder
{
    public const string ResourceName = "DoJ.Portal.Data.Seeding.demo-photos.json";
    public const string PhotoResourcePrefix = "DoJ.Portal.Data.Seeding.Photos.";

    /// <summary>
    /// Writes each demo photo once into the uploads folder (<c>yyyy/MM/</c>, a new name) and returns its library image,
    /// not yet added to the context, with the photo it came from. Its variants are made by the portal's background
    /// conversion, as for any image stored without them. Shared with the dataset generator's albums.
    /// </summary>
    public static async Task<List<(Media Media, DemoPhoto Photo)>> WriteLibraryImagesAsync(string uploadsRoot, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var folder = nowUtc.ToString("yyyy'/'MM", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.Combine(uploadsRoot, folder));
        var images = new List<(Media Media, DemoPhoto Photo)>();
        foreach (var photo in Load().Photos)
        {
            var bytes = ReadPhoto(photo.File);
            var (width, height) = JpegSize(bytes) ?? throw new InvalidOperationException($"{photo.File} is not a JPEG the seeder can read.");
            var fileName = $"{folder}/{Guid.NewGuid():N}.jpg";
            await File.WriteAllBytesAsync(Path.Combine(uploadsRoot, fileName.Replace('/', Path.DirectorySeparatorChar)), bytes, cancellationToken);
            images.Add((new Media
            {
                FileName = fileName,
                OriginalName = photo.File,
                ContentType = "image/jpeg",
                Width = width,
                Height = height,
                SizeBytes = bytes.Length,
                AltText = photo.Alt,
                UploadedAtUtc = nowUtc,
            }, photo));
        }

        return images;
    }

    public static async Task SeedAsync(PortalDbContext db, string uploadsRoot, IReadOnlyList<Article> articles, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var demo = Load();
        var media = new Dictionary<string, (Media Media, DemoPhoto Photo)>(StringComparer.Ordinal);
        foreach (var (item, photo) in await WriteLibraryImagesAsync(uploadsRoot, nowUtc, cancellationToken))
        {
            db.Media.Add(item);
            media[photo.File] = (item, photo);
        }

        await db.SaveChangesAsync(cancellationToken);

        Article ArticleStartingWith(string title) =>
            articles.SingleOrDefault(a => a.Title.StartsWith(title, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"demo-photos.json: no demo article starts with '{title}'.");
        (Media Media, DemoPhoto Photo) Photo(string file) =>
            media.TryGetValue(file, out var found) ? found : throw new InvalidOperationException($"demo-photos.json names the photo '{file}', which it does not list.");

        foreach (var lead in demo.LeadImages)
        {
            var article = ArticleStartingWith(lead.Article);
            var (image, photo) = Photo(lead.Photo);
            article.LeadImageId = image.Id;
            article.LeadImageAlt = photo.Alt;
            article.LeadImageCaption = photo.Caption;
        }

        foreach (var a in demo.Albums)
        {
            var article = ArticleStartingWith(a.Article);
            var published = (article.PublishedAtUtc ?? nowUtc).AddHours(2);
            var album = new Album
            {
                Title = a.Title,
                Slug = Slug.From(a.Title, Album.SlugMaxLength),
                Description = a.Description,
                TakenOn = VietnamTime.DayOf(article.PublishedAtUtc ?? nowUtc),
                Status = ArticleStatus.Published,
                PublishedAtUtc = published,
                CreatedAtUtc = published.AddMinutes(-30),
                UpdatedAtUtc = published,
            };
            foreach (var (file, position) in a.Photos.Select((f, i) => (f, i)))
            {
                var (image, photo) = Photo(file);
                album.Photos.Add(new AlbumPhoto { MediaId = image.Id, Position = position + 1, Caption = photo.Caption, AltText = photo.Alt });
            }

            db.Albums.Add(album);
            article.Album = album;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static DemoPhotos Load()
    {
        using var stream = typeof(DemoPhotoSeeder).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return JsonSerializer.Deserialize<DemoPhotos>(stream, DemoDocuments.JsonOptions)
            ?? throw new InvalidOperationException("demo-photos.json is empty.");
    }

    public static byte[] ReadPhoto(string file)
    {
        using var stream = typeof(DemoPhotoSeeder).Assembly.GetManifestResourceStream(PhotoResourcePrefix + file)
            ?? throw new InvalidOperationException($"{file} is not among the committed demo photos: run tools/DoJ.Portal.DemoPhotos (docs/demo-content.md).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The size a JPEG's frame header (SOF0–SOF15, not DHT/JPG/DAC) gives; null when there is none.</summary>
    public static (int Width, int Height)? JpegSize(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return null;
        }

        var i = 2;
        while (i + 9 < jpeg.Length)
        {
            if (jpeg[i] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return ((jpeg[i + 7] << 8) | jpeg[i + 8], (jpeg[i + 5] << 8) | jpeg[i + 6]);
            }

            i += 2 + length;
        }

        return null;
    }
}

public sealed record DemoPhotos(IReadOnlyList<DemoPhoto> Photos, IReadOnlyList<DemoLeadImage> LeadImages, IReadOnlyList<DemoAlbum> Albums);

/// <param name="File">A JPEG under <c>Seeding/Photos</c>.</param>
/// <param name="Alt">What the photo shows, for readers who cannot see it.</param>
public sealed record DemoPhoto(string File, string Alt, string Caption);

/// <param name="Article">The start of the title of the demo article the photo leads.</param>
public sealed record DemoLeadImage(string Article, string Photo);

/// <param name="Article">The start of the title of the demo article the album is shown under (its date is the album's).</param>
public sealed record DemoAlbum(string Title, string Description, string Article, IReadOnlyList<string> Photos);
