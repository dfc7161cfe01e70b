namespace DoJ.Portal.Domain.Settings;

/// <summary>
/// The department's identity and the portal's knobs, edited by administrators; a single row.
/// Agency names change (Thừa Thiên Huế became Thành phố Huế in 2025), so none of this is code.
/// </summary>
public class SiteSettings : IAuditable, IConcurrencyStamped
{
    public const int SingletonId = 1;
    public const int NameMaxLength = 300;
    public const int LineMaxLength = 500;
    public const int ShortMaxLength = 100;
    public const int BaseUrlMaxLength = 200;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public int Id { get; set; } = SingletonId;
    public string SiteName { get; set; } = "";
    public string ParentAgency { get; set; } = "";
    public string Tagline { get; set; } = "";
    public string? BannerPath { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string LicenseLine { get; set; } = "";
    public string FooterNote { get; set; } = "";

    /// <summary>
    /// The public address absolute URLs are built from (canonical links, feeds, sitemap); when empty the
    /// configured <c>Site:BaseUrl</c> applies. Never taken from a request's Host header.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Visits carried over from the replaced portal, added to the counted total.</summary>
    public long StartingVisitTotal { get; set; }

    public int ArticlesPerPage { get; set; } = DefaultPageSize;
    public int SearchResultsPerPage { get; set; } = DefaultPageSize;
    public int HomeLatestCount { get; set; } = DefaultPageSize;
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
