namespace DoJ.Portal.Domain.Counting;

/// <summary>A site-wide running total (visits, page views), only ever changed by atomic increments.</summary>
public class SiteCounter
{
    public const int NameMaxLength = 50;
    public const string Visits = "visits";
    public const string PageViews = "page-views";

    public string Name { get; set; } = "";
    public long Value { get; set; }
}

/// <summary>Visits and page views of one Vietnam calendar day, for the dashboard chart.</summary>
public class DailyStat
{
    public DateOnly Day { get; set; }
    public long Visits { get; set; }
    public long PageViews { get; set; }
}

/// <summary>Views of one article; kept off the article row so counting never touches its concurrency stamp.</summary>
public class ArticleViewStat
{
    public int ArticleId { get; set; }
    public long Views { get; set; }
}

/// <summary>
/// The secret key of one Vietnam day under which visitors are hashed; shared by all instances and
/// deleted once its day is over, so yesterday's hashes can no longer be linked to anyone.
/// </summary>
public class VisitorKey
{
    public const int KeyLength = 32;

    public DateOnly Day { get; set; }
    public byte[] Key { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A visitor (keyed hash only) seen recently by some instance; feeds "Truy cập hiện tại".</summary>
public class RecentVisitor
{
    public const int HashMaxLength = 64;

    public string VisitorHash { get; set; } = "";
    public DateTime LastSeenUtc { get; set; }
}
