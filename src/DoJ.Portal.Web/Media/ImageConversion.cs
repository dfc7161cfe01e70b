using DoJ.Portal.Data;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace DoJ.Portal.Web.Media;

/// <summary>
/// Makes the responsive variants of images stored without them (<see cref="Media.VariantWidths"/> empty: uploaded
/// before variants existed, or copied in by a seeder), from the kept original when there is one, else from the
/// stored image. Idempotent, so several instances may convert the same image: the files are written whole and
/// moved into place, and the widths are recorded only while the row still waits. An image that cannot be decoded
/// is recorded as <see cref="Unconvertible"/> (no widths: pages show the stored image) and leaves the queue; one
/// whose file is missing stays waiting.
/// </summary>
public sealed class ImageConversion(PortalDbContext db, IOptions<StorageOptions> storage, ILogger<ImageConversion> logger)
{
    /// <summary>The <see cref="Media.VariantWidths"/> of an image that could not be converted: no width, but no longer waiting.</summary>
    public const string Unconvertible = "0";

    private const int Batch = 50;

    public Task<int> CountWaitingAsync(CancellationToken cancellationToken = default) =>
        db.Media.CountAsync(m => m.VariantWidths == "", cancellationToken);

    /// <summary>Converts every waiting image, in order of id; returns how many were converted.</summary>
    public async Task<int> ConvertWaitingAsync(JobProgress? progress, CancellationToken cancellationToken = default)
    {
        progress?.SetTotal(await CountWaitingAsync(cancellationToken));
        var converted = 0;
        var after = 0;
        while (true)
        {
            var ids = await db.Media.AsNoTracking().Where(m => m.VariantWidths == "" && m.Id > after)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return converted;
            }

            foreach (var id in ids)
            {
                if (await ConvertAsync(id, cancellationToken))
                {
                    converted++;
                }

                progress?.Advance();
                after = id;
            }
        }
    }

    /// <summary>Converts one image if it is still waiting; true when its variants (or its failure) were recorded.</summary>
    public async Task<bool> ConvertAsync(int id, CancellationToken cancellationToken = default)
    {
        var media = await db.Media.AsNoTracking().Where(m => m.Id == id && m.VariantWidths == "")
            .Select(m => new { m.FileName, m.OriginalFileName }).FirstOrDefaultAsync(cancellationToken);
        if (media is null)
        {
            return false;
        }

        var root = storage.Value.UploadsRoot;
        var source = new[] { media.OriginalFileName, media.FileName }
            .Where(name => !string.IsNullOrEmpty(name))
            .Select(name => ImageVariants.PathOf(root, name!))
            .FirstOrDefault(path => IsUnder(root, path) && File.Exists(path));
        if (source is null || !MediaStore.IsStoredName(media.FileName))
        {
            logger.LogWarning("Image {MediaId} has no file to make variants from; it stays waiting", id);
            return false;
        }

        string widths;
        using (var codec = SKCodec.Create(source))
        using (var bitmap = codec is null ? null : ImageVariants.DecodeBounded(codec, () => File.OpenRead(source)))
        {
            if (bitmap is null)
            {
                logger.LogWarning("Image {MediaId} could not be decoded; it is shown without variants", id);
                widths = Unconvertible;
            }
            else
            {
                widths = ImageRef.FormatWidths(await ImageVariants.WriteAsync(bitmap, root, media.FileName, cancellationToken));
            }
        }

        await db.Media.Where(m => m.Id == id && m.VariantWidths == "")
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.VariantWidths, widths), cancellationToken);
        logger.LogInformation("Made the variants of image {MediaId}: {Widths}", id, widths);
        return true;
    }

    private static bool IsUnder(string root, string path)
    {
        var full = Path.GetFullPath(root);
        return Path.GetFullPath(path).StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
