using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Domain.Content;

/// <summary>A page outside the news flow: Giới thiệu, Liên hệ, About us, the privacy notice.</summary>
public class StaticPage : IAuditable, IConcurrencyStamped
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 100;
    public const int LanguageMaxLength = 10;
    public const string Vietnamese = "vi";
    public const string English = "en";

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>Sanitized HTML.</summary>
    public string Body { get; set; } = "";

    /// <summary>BCP 47 language of the page, reflected in <c>lang</c>.</summary>
    public string Language { get; set; } = Vietnamese;

    public bool IsPublished { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public ICollection<StaticPageRevision> Revisions { get; } = [];
    public ICollection<Attachment> Attachments { get; } = [];
}

/// <summary>A snapshot of a static page as one save left it.</summary>
public class StaticPageRevision
{
    public long Id { get; set; }
    public int StaticPageId { get; set; }
    public StaticPage? StaticPage { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Body { get; set; } = "";
    public string Language { get; set; } = StaticPage.Vietnamese;

    /// <summary>The attachments in order (<see cref="AttachmentSnapshot.Serialize"/>); set by the editor, which loads them.</summary>
    public string Attachments { get; set; } = "[]";

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public string CreatedByName { get; set; } = "";

    public static StaticPageRevision Of(StaticPage page, DateTime atUtc, string? userId, string userName) => new()
    {
        StaticPageId = page.Id,
        StaticPage = page,
        Title = page.Title,
        Slug = page.Slug,
        Body = page.Body,
        Language = page.Language,
        CreatedAtUtc = atUtc,
        CreatedById = userId,
        CreatedByName = userName,
    };
}
