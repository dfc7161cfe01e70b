using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Media;

namespace DoJ.Portal.Web.Models;

public sealed record AlbumListViewModel(PagedList<AlbumCard> Albums);

public sealed record AlbumDetailsViewModel(AlbumView Album);

/// <summary>Addresses of an album photo's sizes: the large JPEG for the lightbox, Open Graph and pages without script.</summary>
public static class AlbumImages
{
    /// <summary>The largest JPEG variant, or the stored image before variants exist (site-relative).</summary>
    public static string Large(ImageRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var widths = image.Widths;
        return MediaStore.Url(widths.Count > 0 ? image.VariantName(widths[^1], "jpg") : image.FileName);
    }

    /// <summary>The <c>srcset</c> of the JPEG variants, for the lightbox's image (empty before variants exist).</summary>
    public static string SrcSet(ImageRef image, Func<string, string> link)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(link);
        return string.Join(", ", image.Widths.Select(w => link(MediaStore.Url(image.VariantName(w, "jpg"))) + " " + w.ToString(System.Globalization.CultureInfo.InvariantCulture) + "w"));
    }
}
