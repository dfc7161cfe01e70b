using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Settings;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Navigation;

/// <summary>Site-relative and absolute addresses of the public pages and the account screens, in one place (the admin area's are <see cref="AdminUrls"/>).</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    private readonly string configured = NormalizeBaseUrl(options.Value.BaseUrl);
    private volatile string baseUrl = NormalizeBaseUrl(options.Value.BaseUrl);

    /// <summary>The account screens (sign-in, two-factor, password): never cached, never counted.</summary>
    public const string Account = "/tai-khoan";
    public const string SignIn = Account + "/dang-nhap";
    public const string SignOut = Account + "/dang-xuat";
    public const string AccessDenied = Account + "/khong-co-quyen";
    public const string ChangePassword = Account + "/doi-mat-khau";
    public const string TwoFactorSignIn = Account + "/xac-thuc-hai-buoc";
    public const string TwoFactorSetup = Account + "/bao-mat-hai-lop";
    public const string TwoFactorEnable = TwoFactorSetup + "/bat";

    /// <summary>The visit counter widget alone, refreshed after a cached page loads (not a page view).</summary>
    public const string VisitCounterWidget = "/thong-ke-truy-cap";

    public const string Health = "/health";

    /// <summary>The error pages, re-executed for a status code (<c>/loi/404</c>).</summary>
    public const string Errors = "/loi";

    /// <summary>Where a link group's drop-down goes: <c>/lien-ket?id=N</c> answers with the stored address.</summary>
    public const string LinkOut = "/lien-ket";

    public static string Article(int id, string slug) => $"/tin-tuc/{id}/{slug}";

    public static string Category(string slug) => $"/chuyen-muc/{slug}";

    public static string Page(string slug) => $"/trang/{slug}";

    public static string Day(DateOnly day) => $"/tin-theo-ngay/{day:yyyy-MM-dd}";

    /// <summary>The register of the department's documents (<c>/van-ban?loai=&amp;co-quan=&amp;linh-vuc=&amp;nam=&amp;hieu-luc=&amp;q=&amp;trang=</c>).</summary>
    public const string Documents = "/van-ban";

    /// <summary>RSS of newly published documents (under the register, so no category slug can take it).</summary>
    public const string DocumentsFeed = Documents + "/rss";

    public static string Document(int id, string slug) => $"{Documents}/{id}/{slug}";

    // Comments on drafts (Lấy ý kiến dự thảo, docs/draft-comments.md): the documents open for comment, a document's
    // comment form (own page, never cached) and the page a sent comment lands on.
    public const string DocumentsOpenForComment = Documents + "/lay-y-kien";
    public const string CommentFormSegment = "gop-y";
    public const string CommentThanksSegment = "da-gui";
    public const string PrivacyNotice = "/trang/" + PrivacyNoticeSlug;

    public static string DocumentCommentForm(int id, string slug) => $"{Document(id, slug)}/{CommentFormSegment}";

    public static string DocumentCommentThanks(int id, string slug) => $"{DocumentCommentForm(id, slug)}/{CommentThanksSegment}";

    /// <summary>The public videos (<c>/video?trang=N</c>).</summary>
    public const string Videos = "/video";

    public static string Video(int id, string slug) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Videos}/{id}/{slug}");

    /// <summary>The MP4 of an uploaded video, served inline with ranges.</summary>
    public const string VideoFileName = "tep.mp4";

    public static string VideoFile(int id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Videos}/{id}/{VideoFileName}");

    /// <summary>Photo albums (<c>/thu-vien-anh?trang=N</c>) and one album's page.</summary>
    public const string Albums = "/thu-vien-anh";

    public static string Album(int id, string slug) => $"{Albums}/{id}/{slug}";

    /// <summary>Citizens' questions: the public list (<c>/hoi-dap?linh-vuc=&amp;q=&amp;trang=</c>), the form, the status lookup, the feed.</summary>
    public const string Questions = "/hoi-dap";
    public const string AskQuestion = Questions + "/dat-cau-hoi";
    public const string QuestionSent = AskQuestion + "/da-gui";
    public const string TrackQuestion = Questions + "/tra-cuu";
    public const string QuestionsFeed = Questions + "/rss";

    /// <summary>The privacy notice the question form links to (a static page).</summary>
    public const string PrivacyNoticeSlug = "bao-ve-du-lieu-ca-nhan";

    public static string Question(int id, string slug) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Questions}/{id}/{slug}");

    public static string Track(string code) => TrackQuestion + "?ma=" + Uri.EscapeDataString(code);
    /// <summary>The agency pages (issue 21): the procedures directory (<c>?linh-vuc=&amp;q=&amp;trang=</c>), a procedure's page, the leadership and contact officials, the English page.</summary>
    public const string Procedures = "/thu-tuc-hanh-chinh";
    public const string Leadership = "/gioi-thieu/lanh-dao";
    public const string ContactOfficials = "/gioi-thieu/lien-he-can-bo";
    public const string English = "/en";

    public static string Procedure(int id, string slug) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Procedures}/{id}/{slug}");

    /// <summary>
    /// The sitemap index (sitemaps.org) that robots.txt names, and its files: <see cref="SitemapPages"/> (the fixed
    /// pages, categories, static pages, procedures) and, per kind of content, <c>/sitemap-{kind}-{n}.xml</c> holding
    /// the public items with ids in [n·K, (n+1)·K). Every file sits at the root, as the protocol asks of a sitemap
    /// listing addresses all over the site.
    /// </summary>
    public const string Sitemap = "/sitemap.xml";
    public const string SitemapFileRoute = "/sitemap-{name}.xml";
    public const string SitemapPagesName = "trang";
    public const string SitemapPages = "/sitemap-" + SitemapPagesName + ".xml";

    public static string SitemapFile(string kind, int number) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/sitemap-{kind}-{number}.xml");

    /// <summary>A stored file's download: <c>/tai-lieu/{id}/{name}</c>; the name is for people, the id decides.</summary>
    public const string Files = "/tai-lieu";

    public static string File(int storedFileId, string fileName) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Files}/{storedFileId}/{Uri.EscapeDataString(fileName)}");

    /// <summary>The path the deployment answers below (<see cref="PathPrefix.From"/> of <c>Site:BaseUrl</c>), empty at a host's root.</summary>
    public string PathPrefix { get; } = Navigation.PathPrefix.From(options.Value.BaseUrl);

    /// <summary>The base URL in use: the site settings' when set, else <c>Site:BaseUrl</c>.</summary>
    public string BaseUrl => baseUrl;

    /// <summary>The configured <c>Site:BaseUrl</c>, used while the site settings leave it empty.</summary>
    public string ConfiguredBaseUrl => configured;

    /// <summary>Absolute URL from a site-relative path, on the base URL.</summary>
    public string Absolute(string path) => baseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Called whenever the site settings are (re)loaded or saved.</summary>
    public void UseSettings(string? settingsBaseUrl) =>
        baseUrl = IsAcceptableBaseUrl(settingsBaseUrl) ? NormalizeBaseUrl(settingsBaseUrl!) : configured;

    /// <summary>An absolute http(s) address (the shared <see cref="WebAddress"/> rules) that is an origin, optionally with a path: no query or fragment.</summary>
    public static bool IsAcceptableBaseUrl(string? url) =>
        WebAddress.IsAbsoluteHttp(url)
        && url!.IndexOfAny(['?', '#']) < 0;

    /// <summary>Lower-case scheme and host, no trailing slash: <c>https://stp.hue.gov.vn</c>.</summary>
    public static string NormalizeBaseUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : url.Trim().TrimEnd('/');
    }
}
