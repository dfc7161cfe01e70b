using System.Linq.Expressions;

namespace DoJ.Portal.Domain.Articles;

/// <summary>A news, award or event report.</summary>
public class Article : IAuditable, IConcurrencyStamped
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 100;
    public const int SummaryMaxLength = 1000;
    public const int AuthorMaxLength = 200;
    public const int ThumbnailMaxLength = 500;

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Sanitized HTML (sanitized on write, never on read).</summary>
    public string Body { get; set; } = "";

    public string? ThumbnailPath { get; set; }
    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>The byline shown under the article (may differ from the account that typed it).</summary>
    public string Author { get; set; } = "";

    public bool IsFeatured { get; set; }
    public ArticleStatus Status { get; set; }

    /// <summary>When the article becomes (or became) public; null until it is published or scheduled.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedById { get; set; }

    public bool IsDeleted { get; set; }
    public DateTime? DeletedAtUtc { get; set; }
    public string? DeletedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public ICollection<ArticleRevision> Revisions { get; } = [];

    /// <summary>The one definition of "public": published, its time has come, not deleted.</summary>
    public static Expression<Func<Article, bool>> IsPublicAt(DateTime nowUtc) =>
        a => a.Status == ArticleStatus.Published && !a.IsDeleted && a.PublishedAtUtc <= nowUtc;

    public bool IsPublic(DateTime nowUtc) =>
        Status == ArticleStatus.Published && !IsDeleted && PublishedAtUtc <= nowUtc;

    /// <summary>Contributor hands a draft (or an unpublished article) to the editors.</summary>
    public bool Submit()
    {
        if (IsDeleted || Status is not (ArticleStatus.Draft or ArticleStatus.Unpublished))
        {
            return false;
        }

        Status = ArticleStatus.Submitted;
        return true;
    }

    /// <summary>Publishes now or at a later time (then it is "Hẹn giờ" until that time comes).</summary>
    public bool Publish(DateTime atUtc)
    {
        if (IsDeleted)
        {
            return false;
        }

        Status = ArticleStatus.Published;
        PublishedAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Takes a published or scheduled article down; it keeps its publish time for a later re-publish.</summary>
    public bool Unpublish()
    {
        if (IsDeleted || Status != ArticleStatus.Published)
        {
            return false;
        }

        Status = ArticleStatus.Unpublished;
        return true;
    }

    public bool MoveToBin(string? userId, DateTime atUtc)
    {
        if (IsDeleted)
        {
            return false;
        }

        IsDeleted = true;
        DeletedById = userId;
        DeletedAtUtc = atUtc;
        return true;
    }

    public bool RestoreFromBin()
    {
        if (!IsDeleted)
        {
            return false;
        }

        IsDeleted = false;
        DeletedById = null;
        DeletedAtUtc = null;
        return true;
    }

    /// <summary>The state an editor sees: Hẹn giờ is a published article whose time has not come.</summary>
    public ArticleState StateAt(DateTime nowUtc) => Status switch
    {
        _ when IsDeleted => ArticleState.Deleted,
        ArticleStatus.Published when PublishedAtUtc > nowUtc => ArticleState.Scheduled,
        ArticleStatus.Published => ArticleState.Published,
        ArticleStatus.Submitted => ArticleState.Submitted,
        ArticleStatus.Unpublished => ArticleState.Unpublished,
        _ => ArticleState.Draft,
    };
}
