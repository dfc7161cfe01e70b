using System.Globalization;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Paging;
using Microsoft.EntityFrameworkCore;
using MediaEntity = DoJ.Portal.Domain.Content.Media;

namespace DoJ.Portal.Web.Media;

/// <summary>An image of the library as the pickers show and insert it: its addresses, size and responsive variants.</summary>
public sealed record MediaChoice(int Id, string Name, string Alt, int Width, int Height, string Url, string Thumbnail, string Src, string SrcSet)
{
    /// <summary>The <c>sizes</c> of an image inserted into a body: the full width of a phone, the text column on wider screens.</summary>
    public const string BodySizes = "(max-width: 768px) 100vw, 720px";

    public static MediaChoice Of(MediaEntity media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var image = ImageRef.Of(media);
        var widths = image.Widths;
        // The largest JPEG variant stands for the image's size; before conversion, the stored image itself.
        var (width, height) = widths.Count > 0 ? (widths[^1], image.HeightAt(widths[^1])) : (media.Width, media.Height);
        var src = widths.Count > 0 ? MediaStore.Url(image.VariantName(widths[widths.Count / 2], "jpg")) : MediaStore.Url(media.FileName);
        var srcSet = string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{MediaStore.Url(image.VariantName(w, "jpg"))} {w}w")));
        return new(media.Id, media.OriginalName, media.AltText, width, height, MediaStore.Url(media.FileName),
            MediaStore.Url(media.ThumbnailFileName ?? media.FileName), src, srcSet);
    }
}

/// <summary>Queries of the image library for the pickers (the lead image of an article, the editor's image button).</summary>
public sealed class MediaLibrary(PortalDbContext db)
{
    public const int SearchMaxLength = 100;

    /// <summary>Newest first; <paramref name="words"/> matches the original file name or the alt text.</summary>
    public async Task<PagedList<MediaChoice>> SearchAsync(string? words, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Media.AsNoTracking();
        var text = words?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            text = text.Length > SearchMaxLength ? text[..SearchMaxLength] : text;
            text = text.Normalize(System.Text.NormalizationForm.FormC);
            query = query.Where(m => m.OriginalName.Contains(text) || m.AltText.Contains(text));
        }

        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<MediaChoice>(items.Select(MediaChoice.Of).ToList(), page, pageSize, total);
    }

    public async Task<MediaChoice?> FindAsync(int? id, CancellationToken cancellationToken = default) =>
        id is null ? null
            : await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } media ? MediaChoice.Of(media) : null;

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken = default) => db.Media.AnyAsync(m => m.Id == id, cancellationToken);
}
