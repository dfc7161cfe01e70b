using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The public videos: the list (<c>/video?trang=N</c>), a video's page (<c>/video/{id}/{slug}</c>) and an uploaded
/// video's MP4 (<c>/video/{id}/tep.mp4</c>, inline, with ranges). Only public videos are shown; staff may play any MP4.
/// </summary>
public sealed class VideoController(VideoRepository videos, FileStore store, SiteSettingsCache settings, SiteUrls urls, IAuthorizationService authorization) : Controller
{
    public const int PageSize = 12;

    [HttpGet(SiteUrls.Videos)]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Index([FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        PageTags.Tag(HttpContext, PageTags.Videos);
        var list = await videos.ListPublicAsync(page, PageSize, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new VideoListViewModel(list));
    }

    /// <summary><c>/video/{id}</c> and a wrong slug answer 301 to the canonical <c>/video/{id}/{slug}</c>.</summary>
    [HttpGet(SiteUrls.Videos + "/{id:int}")]
    [HttpGet(SiteUrls.Videos + "/{id:int}/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Videos);
        var video = id > 0 ? await videos.GetPublicAsync(id, cancellationToken) : null;
        if (video is null)
        {
            return NotFound();
        }

        var canonical = SiteUrls.Video(video.Id, video.Slug);
        if (slug != video.Slug)
        {
            return RedirectPermanent(canonical);
        }

        var site = await settings.GetAsync(cancellationToken);
        var poster = VideoDetailsViewModel.PosterUrl(video.Poster);
        return View(new VideoDetailsViewModel(video, urls.Absolute(canonical), StructuredData.VideoObject(video, poster, site, urls)));
    }

    /// <summary>
    /// The MP4, inline, with byte ranges (206, and 416 for a range past the end), its ETag from the SHA-256 and no
    /// sniffing. Public videos' files are revalidated on every use, so unpublishing stops them at once; staff-only files
    /// are never kept by a cache. Not in the output cache (no cache policy), and not a page view.
    /// </summary>
    [HttpGet(SiteUrls.Videos + "/{id:int}/" + SiteUrls.VideoFileName)]
    [HttpHead(SiteUrls.Videos + "/{id:int}/" + SiteUrls.VideoFileName)]
    public async Task<IActionResult> File(int id, CancellationToken cancellationToken)
    {
        var file = id > 0 ? await videos.FindFileAsync(id, cancellationToken) : null;
        if (file is null || (!file.IsPublic && !(await authorization.AuthorizeAsync(User, PortalPolicies.Staff)).Succeeded))
        {
            return NotFound();
        }

        var path = store.PathOf(file.FileName);
        if (path is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Response.Headers.ContentDisposition = "inline";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = file.IsPublic ? "public, no-cache" : "private, no-store";
        return PhysicalFile(path, FileKind.Mp4.ContentType(), new DateTimeOffset(file.UploadedAtUtc, TimeSpan.Zero),
            new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
