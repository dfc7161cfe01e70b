using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>Photo albums (<c>/thu-vien-anh</c>): the list of public albums and one album's page with its photos.</summary>
public sealed class AlbumController(AlbumRepository albums, TimeProvider clock) : Controller
{
    public const int PageSize = 12;

    [HttpGet(SiteUrls.Albums)]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Index([FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        PageTags.Tag(HttpContext, PageTags.Albums);
        var list = await albums.ListPublicAsync(page, PageSize, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new AlbumListViewModel(list));
    }

    /// <summary><c>/thu-vien-anh/{id}</c> and a wrong slug answer 301 to the canonical <c>/thu-vien-anh/{id}/{slug}</c>.</summary>
    [HttpGet(SiteUrls.Albums + "/{id:int}")]
    [HttpGet(SiteUrls.Albums + "/{id:int}/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Albums);
        var album = id > 0 ? await albums.GetPublicAsync(id, clock.GetUtcNow().UtcDateTime, cancellationToken) : null;
        if (album is null)
        {
            return NotFound();
        }

        return slug == album.Slug ? View(new AlbumDetailsViewModel(album)) : RedirectPermanent(SiteUrls.Album(album.Id, album.Slug));
    }
}
