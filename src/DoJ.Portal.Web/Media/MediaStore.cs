using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;
using MediaEntity = DoJ.Portal.Domain.Content.Media;

namespace DoJ.Portal.Web.Media;

public sealed record MediaResult(MediaEntity? Media, string? Error)
{
    public bool Succeeded => Media is not null;
}

/// <summary>The <c>Media</c> section: how large an uploaded image may be.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The largest image accepted, in bytes (at most <see cref="MediaStore.MaxBytes"/>); 10 MB by default.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Whether <see cref="ImageVariantBackfill"/> runs (on by default; the jobs screen converts either way).</summary>
    public bool BackfillEnabled { get; set; } = true;

    /// <summary>How often <see cref="ImageVariantBackfill"/> looks for images waiting for their variants.</summary>
    public TimeSpan BackfillInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Image uploads. The type is read from the bytes (JPEG, PNG, GIF, WebP; everything else, SVG included,
/// is refused), the size is checked before decoding, and every image is decoded (within a memory bound, see
/// <see cref="ImageVariants"/>) and encoded anew: EXIF and GPS data do not survive, and neither does anything a
/// polyglot file hid after the pixels. Files go under <c>{Storage:UploadsPath}/yyyy/MM/</c> (by default
/// <c>{Storage:DataPath}/uploads</c>, a shared folder when several instances run) with a generated name: the stored
/// image (at most <see cref="MaxStoredWidth"/> wide), a thumbnail, and the responsive variants. The bytes as
/// received are kept under <c>originals/</c>, which is never served, so variants can be made again.
/// </summary>
public sealed partial class MediaStore(PortalDbContext db, AuditLog audit, TimeProvider clock, IOptions<DoJ.Portal.Data.StorageOptions> storage, IOptions<MediaOptions> options)
{
    /// <summary>The ceiling of <see cref="MediaOptions.MaxUploadBytes"/>, and what the upload endpoints let through.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;
    public const int MaxSide = 12_000;
    public const long MaxPixels = 50_000_000;
    public const int MaxStoredWidth = 1920;
    public const int ThumbnailWidth = 320;

    /// <summary>The folder, under the uploads folder, of the uploads as received; never served.</summary>
    public const string OriginalsFolder = "originals";

    /// <summary>The uploads folder's name under <c>Storage:DataPath</c> by default, and inside a backup.</summary>
    public const string FolderName = DoJ.Portal.Data.StorageOptions.UploadsFolder;

    public string Root => storage.Value.UploadsRoot;

    /// <summary>The configured limit, within <see cref="MaxBytes"/>.</summary>
    public long Limit => Math.Clamp(options.Value.MaxUploadBytes, 1, MaxBytes);

    /// <summary>The image library, newest first.</summary>
    public async Task<PagedList<MediaEntity>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var total = await db.Media.LongCountAsync(cancellationToken);
        var items = await db.Media.AsNoTracking().OrderByDescending(m => m.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<MediaEntity>(items, page, pageSize, total);
    }

    /// <summary>An uploaded form file: refused at once when missing, empty or over <see cref="Limit"/>, else <see cref="SaveAsync"/>.</summary>
    public async Task<MediaResult> UploadAsync(IFormFile? file, string? altText, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Length == 0)
        {
            return new MediaResult(null, "Vui lòng chọn một tệp ảnh.");
        }

        if (file.Length > Limit)
        {
            return new MediaResult(null, TooLarge());
        }

        await using var stream = file.OpenReadStream();
        return await SaveAsync(stream, file.FileName, altText, user, cancellationToken);
    }

    public async Task<MediaResult> SaveAsync(Stream upload, string originalName, string? altText, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(user);
        using var buffer = new MemoryStream();
        await CopyLimitedAsync(upload, buffer, Limit, cancellationToken);
        if (buffer.Length > Limit)
        {
            return new(null, TooLarge());
        }

        var bytes = buffer.ToArray();
        var kind = Sniff(bytes);
        if (kind is null)
        {
            return new(null, "Chỉ nhận ảnh JPEG, PNG, GIF hoặc WebP (SVG và các loại tệp khác không được nhận).");
        }

        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null)
        {
            return new(null, "Tệp ảnh bị hỏng hoặc không đọc được.");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
        {
            return new(null, "Kích thước ảnh quá lớn (tối đa 12.000 điểm ảnh mỗi chiều, 50 triệu điểm ảnh).");
        }

        if (!ImageVariants.CanDecodeBounded(kind.Value, info, bytes))
        {
            return new(null, kind == SKEncodedImageFormat.Gif
                ? "Ảnh GIF quá lớn để xử lý (tối đa 12 triệu điểm ảnh); hãy lưu ảnh dạng JPEG hoặc PNG, hoặc thu nhỏ trước khi tải lên."
                : "Ảnh PNG dạng xen kẽ (interlaced) quá lớn để xử lý (tối đa 12 triệu điểm ảnh); hãy lưu lại ảnh không xen kẽ, dạng JPEG, hoặc thu nhỏ trước khi tải lên.");
        }

        using var oriented = ImageVariants.DecodeBounded(codec, () => new MemoryStream(bytes, writable: false));
        if (oriented is null)
        {
            return new(null, "Tệp ảnh bị hỏng hoặc không đọc được.");
        }

        var photo = kind is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp;
        var format = photo ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png;
        var extension = photo ? "jpg" : "png";

        var now = clock.GetUtcNow().UtcDateTime;
        var folder = now.ToString("yyyy'/'MM", CultureInfo.InvariantCulture);
        var name = Guid.NewGuid().ToString("N");
        var fileName = $"{folder}/{name}.{extension}";
        var thumbName = $"{folder}/{name}-thumb.{extension}";
        var originalFileName = $"{OriginalsFolder}/{folder}/{name}.{OriginalExtension(kind.Value)}";
        Directory.CreateDirectory(Path.Combine(Root, folder));
        Directory.CreateDirectory(Path.Combine(Root, OriginalsFolder, folder));
        await File.WriteAllBytesAsync(ImageVariants.PathOf(Root, originalFileName), bytes, cancellationToken);

        var (width, height) = await WriteAsync(oriented, MaxStoredWidth, format, ImageVariants.PathOf(Root, fileName), cancellationToken);
        await WriteAsync(oriented, ThumbnailWidth, format, ImageVariants.PathOf(Root, thumbName), cancellationToken);
        var widths = await ImageVariants.WriteAsync(oriented, Root, fileName, cancellationToken);

        var media = new MediaEntity
        {
            FileName = fileName,
            ThumbnailFileName = thumbName,
            OriginalFileName = originalFileName,
            VariantWidths = ImageRef.FormatWidths(widths),
            OriginalName = Truncate(Path.GetFileName(originalName), MediaEntity.OriginalNameMaxLength),
            ContentType = photo ? "image/jpeg" : "image/png",
            Width = width,
            Height = height,
            SizeBytes = new FileInfo(ImageVariants.PathOf(Root, fileName)).Length,
            AltText = Truncate((altText ?? "").Trim(), MediaEntity.AltTextMaxLength),
            UploadedAtUtc = now,
            UploadedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.Media.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tải ảnh lên", "Media", media.Id.ToString(CultureInfo.InvariantCulture), media.OriginalName);
        await db.SaveChangesAsync(cancellationToken);
        return new(media, null);
    }

    /// <summary>Site address of a stored file.</summary>
    public static string Url(string fileName) => "/media/" + fileName;

    /// <summary>
    /// True for names this store generates and serves (<c>yyyy/MM/32hex[-thumb].jpg|png</c>, variants
    /// <c>yyyy/MM/32hex-640.webp|jpg</c>): nothing else is ever served, the originals least of all.
    /// </summary>
    public static bool IsStoredName(string? name) => name is not null && StoredName().IsMatch(name);

    /// <summary>Recognises the image formats by their first bytes, never by name or declared type.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return SKEncodedImageFormat.Png;
        }

        if (b.Length >= 6 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8)))
        {
            return SKEncodedImageFormat.Gif;
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }

        return null;
    }

    private string TooLarge() =>
        $"Ảnh vượt quá dung lượng cho phép ({(Limit / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',')} MB).";

    private static string OriginalExtension(SKEncodedImageFormat kind) => kind switch
    {
        SKEncodedImageFormat.Jpeg => "jpg",
        SKEncodedImageFormat.Png => "png",
        SKEncodedImageFormat.Gif => "gif",
        _ => "webp",
    };

    private static async Task CopyLimitedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            if (target.Length > limit)
            {
                return;
            }
        }
    }

    private static async Task<(int Width, int Height)> WriteAsync(SKBitmap source, int maxWidth, SKEncodedImageFormat format, string path, CancellationToken cancellationToken)
    {
        using var resized = ImageVariants.Resize(source, maxWidth);
        var image = resized ?? source;
        await ImageVariants.EncodeToFileAsync(image, format, 85, path, cancellationToken);
        return (image.Width, image.Height);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"^\d{4}/\d{2}/[0-9a-f]{32}((-thumb)?\.(jpg|png)|-[1-9][0-9]{0,3}\.(webp|jpg))$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StoredName();
}
