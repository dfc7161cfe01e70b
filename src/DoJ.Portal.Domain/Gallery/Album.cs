using System.Linq.Expressions;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Publishing;

namespace DoJ.Portal.Domain.Gallery;

/// <summary>
/// A photo album (Thư viện ảnh) of an event: its photos in order, each with a caption and alt text.
/// Its workflow is <see cref="PublishableContent"/>'s; an article may show one album under its body.
/// </summary>
public class Album : PublishableContent, IAuditable, IConcurrencyStamped
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 100;
    public const int DescriptionMaxLength = 2000;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The day of the event the photos show (Vietnam calendar).</summary>
    public DateOnly TakenOn { get; set; }

    /// <summary>The photo shown for the album in lists; null means its first photo.</summary>
    public int? CoverPhotoId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public ICollection<AlbumPhoto> Photos { get; } = [];

    /// <summary>The one definition of "public", as for articles.</summary>
    public static Expression<Func<Album, bool>> IsPublicAt(DateTime nowUtc) =>
        a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= nowUtc;
}
