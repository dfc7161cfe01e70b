using System.Linq.Expressions;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Publishing;

namespace DoJ.Portal.Domain.Gallery;

/// <summary>
/// A video: either an uploaded MP4 (<see cref="FileId"/>) or a YouTube video shown through the privacy-enhanced
/// player (<see cref="YouTubeId"/>), exactly one of the two. Its workflow is <see cref="PublishableContent"/>'s.
/// </summary>
public class Video : PublishableContent, IAuditable, IConcurrencyStamped
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int YouTubeIdLength = 11;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The day the video was recorded or the event took place (Vietnam calendar).</summary>
    public DateOnly RecordedOn { get; set; }

    /// <summary>The 11-character id of a YouTube video (never a URL or embed code).</summary>
    public string? YouTubeId { get; set; }

    /// <summary>An uploaded MP4 in the files store.</summary>
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }

    /// <summary>The still shown before playing and in lists (an image of the library).</summary>
    public int? PosterId { get; set; }
    public Media? Poster { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The one definition of "public", as for articles.</summary>
    public static Expression<Func<Video, bool>> IsPublicAt(DateTime nowUtc) =>
        a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= nowUtc;
}
