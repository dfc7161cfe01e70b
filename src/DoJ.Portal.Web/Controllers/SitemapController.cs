using System.Globalization;
using System.Text;
using System.Xml;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The sitemap (sitemaps.org): <c>/sitemap.xml</c> is an index of files, one for the fixed pages and, per kind of
/// content, one per range of K ids (<see cref="SitemapOptions.IdsPerFile"/>), so every public address is listed and
/// each file is one primary-key range read whatever the archive's size. Absolute URLs from the base URL; every file
/// is tagged <see cref="PageTags.Sitemap"/>, so any content change evicts them all.
/// </summary>
public sealed class SitemapController(SitemapRepository sitemap, SiteUrls urls, IOptions<SitemapOptions> options) : Controller
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The kinds listed in id ranges: the name in the file's address and the page address of an item.</summary>
    private static readonly (string Name, SitemapKind Kind, Func<int, string, string> Page)[] Kinds =
    [
        ("tin-tuc", SitemapKind.Articles, SiteUrls.Article),
        ("van-ban", SitemapKind.Documents, SiteUrls.Document),
        ("video", SitemapKind.Videos, SiteUrls.Video),
        ("thu-vien-anh", SitemapKind.Albums, SiteUrls.Album),
        ("hoi-dap", SitemapKind.Questions, SiteUrls.Question),
    ];

    private int IdsPerFile => options.Value.IdsPerFile;

    /// <summary>The index: the fixed pages' file, then each kind's files up to the one holding its highest public id.</summary>
    [HttpGet(SiteUrls.Sitemap)]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var files = new List<string> { SiteUrls.SitemapPages };
        foreach (var (name, kind, _) in Kinds)
        {
            if (await sitemap.HighestPublicIdAsync(kind, cancellationToken) is { } highest)
            {
                for (var number = 0; number <= highest / IdsPerFile; number++)
                {
                    files.Add(SiteUrls.SitemapFile(name, number));
                }
            }
        }

        PageTags.Tag(HttpContext, PageTags.Sitemap);
        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            foreach (var file in files)
            {
                writer.WriteStartElement("sitemap");
                writer.WriteElementString("loc", urls.Absolute(file));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>
    /// One kind's file, <c>/sitemap-{kind}-{n}.xml</c> (<see cref="Pages"/> answers its own address). An unknown name, a
    /// number that is not canonical (<c>01</c>, <c>+1</c>) or out of range, and a range with no public item are 404.
    /// </summary>
    [HttpGet(SiteUrls.SitemapFileRoute)]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    [ServiceFilter<RenderGateFilter>(Order = RenderGateFilter.Order)] // one file rendered per core at a time
    public async Task<IActionResult> Part(string name, CancellationToken cancellationToken)
    {
        var dash = name.LastIndexOf('-');
        if (dash <= 0
            || !TryParseNumber(name[(dash + 1)..], out var number)
            || Array.FindIndex(Kinds, k => k.Name == name[..dash]) is var index && index < 0)
        {
            return NotFound();
        }

        var from = (long)number * IdsPerFile;
        if (from > int.MaxValue)
        {
            return NotFound();
        }

        var (_, kind, page) = Kinds[index];
        // Written out as the rows arrive; the first one is read here, so a range with nothing public is a 404.
        var items = sitemap.StreamPublicAsync(kind, (int)from, (int)Math.Min(from + IdsPerFile, int.MaxValue), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        if (!await items.MoveNextAsync())
        {
            await items.DisposeAsync();
            return NotFound();
        }

        PageTags.Tag(HttpContext, PageTags.Sitemap);
        return new StreamedXmlResult(async (writer, drain) =>
        {
            await using (items)
            {
                writer.WriteStartElement("urlset", Namespace);
                do
                {
                    WriteUrl(writer, page(items.Current.Id, items.Current.Slug), items.Current.LastModifiedUtc);
                    await drain();
                }
                while (await items.MoveNextAsync());

                writer.WriteEndElement();
            }
        });
    }

    /// <summary>
    /// The home page, categories, static pages, the lists of each kind, the procedures and the agency pages: a few
    /// hundred addresses. Each list's lastmod is its newest item's; the video list only when there is a video.
    /// </summary>
    [HttpGet(SiteUrls.SitemapPages)]
    [OutputCache(PolicyName = PortalCaching.Feeds)]
    public async Task<IActionResult> Pages(
        [FromServices] ContentRepository content, [FromServices] AgencyRepository agency, [FromServices] ArticleRepository articles,
        [FromServices] DocumentRepository documents, [FromServices] VideoRepository videos, [FromServices] AlbumRepository albums,
        [FromServices] QuestionRepository questions, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var categories = await content.ListCategoriesAsync(cancellationToken);
        var pages = await content.ListPublishedPagesAsync(cancellationToken);
        var procedures = await agency.ListAllProceduresAsync(cancellationToken);
        var article = (await articles.ListForFeedAsync(null, 1, cancellationToken)).FirstOrDefault();
        var document = (await documents.ListForSitemapAsync(1, cancellationToken)).FirstOrDefault();
        var video = (await videos.ListLatestAsync(1, cancellationToken)).FirstOrDefault();
        var album = (await albums.ListForSitemapAsync(1, clock.GetUtcNow().UtcDateTime, cancellationToken)).FirstOrDefault();
        var question = (await questions.ListLatestAsync(1, cancellationToken)).FirstOrDefault();
        PageTags.Tag(HttpContext, PageTags.Sitemap);
        return UrlSet(writer =>
        {
            WriteUrl(writer, "/", article?.UpdatedAtUtc);
            foreach (var c in categories)
            {
                WriteUrl(writer, SiteUrls.Category(c.Slug), null);
            }

            foreach (var p in pages)
            {
                WriteUrl(writer, SiteUrls.Page(p.Slug), p.UpdatedAtUtc);
            }

            WriteUrl(writer, SiteUrls.Documents, document is null ? null : Latest(document.PublishedAtUtc, document.UpdatedAtUtc));
            if (video is not null)
            {
                WriteUrl(writer, SiteUrls.Videos, Latest(video.PublishedAtUtc, video.UpdatedAtUtc));
            }

            WriteUrl(writer, SiteUrls.Albums, album is null ? null : Latest(album.PublishedAtUtc, album.UpdatedAtUtc));
            WriteUrl(writer, SiteUrls.Questions, question is null ? null : Latest(question.PublishedAtUtc, question.UpdatedAtUtc));
            WriteUrl(writer, SiteUrls.Procedures, procedures.Count > 0 ? procedures.Max(p => p.UpdatedAtUtc) : null);
            foreach (var p in procedures)
            {
                WriteUrl(writer, SiteUrls.Procedure(p.Id, p.Slug), p.UpdatedAtUtc);
            }

            foreach (var agencyPage in new[] { SiteUrls.Leadership, SiteUrls.ContactOfficials, SiteUrls.English })
            {
                WriteUrl(writer, agencyPage, null);
            }
        });
    }

    private static DateTime Latest(DateTime publishedAtUtc, DateTime updatedAtUtc) => updatedAtUtc > publishedAtUtc ? updatedAtUtc : publishedAtUtc;

    /// <summary>Digits only, in canonical form (no sign, no leading zero), at most nine of them.</summary>
    private static bool TryParseNumber(string text, out int number)
    {
        number = 0;
        return text.Length is > 0 and <= 9
            && text.All(char.IsAsciiDigit)
            && (text.Length == 1 || text[0] != '0')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static StreamedXmlResult UrlSet(Action<XmlWriter> writeUrls) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        writeUrls(writer);
        writer.WriteEndElement();
    });

    private void WriteUrl(XmlWriter writer, string path, DateTime? lastModifiedUtc)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", urls.Absolute(path));
        if (lastModifiedUtc is { } modified)
        {
            writer.WriteElementString("lastmod", modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

    /// <summary>A small document (the index, the fixed pages), written whole.</summary>
    private static StreamedXmlResult Xml(Action<XmlWriter> write) => new((writer, _) =>
    {
        write(writer);
        return Task.CompletedTask;
    });
}
