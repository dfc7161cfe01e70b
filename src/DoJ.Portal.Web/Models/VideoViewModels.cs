using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Media;

namespace DoJ.Portal.Web.Models;

/// <summary><c>/video</c>: one page of public videos.</summary>
public sealed record VideoListViewModel(PagedList<VideoListItem> Videos);

/// <summary>A video's page: the player is built from the stored id or file, never from stored markup.</summary>
public sealed record VideoDetailsViewModel(VideoDetails Video, string CanonicalUrl, string JsonLd)
{
    /// <summary>The poster as a still for <c>og:image</c> and <c>&lt;video poster&gt;</c>: the widest JPEG variant, else the stored image.</summary>
    public string? PosterPath => PosterUrl(Video.Poster);

    public static string? PosterUrl(ImageRef? poster) =>
        poster is null ? null
            : poster.Widths.Count > 0 ? MediaStore.Url(poster.VariantName(poster.Widths[^1], "jpg"))
            : MediaStore.Url(poster.FileName);
}
