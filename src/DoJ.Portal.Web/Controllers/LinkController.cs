using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// Where a "Liên kết website" drop-down goes: it sends a link's id, never a URL, so this can only
/// redirect to addresses an administrator stored (no open redirect).
/// </summary>
public sealed class LinkController(ContentRepository content) : Controller
{
    [HttpGet(SiteUrls.LinkOut)]
    public async Task<IActionResult> Go([FromQuery] int? id, CancellationToken cancellationToken)
    {
        if (id is null or <= 0)
        {
            return BadRequest();
        }

        var url = await content.FindShownLinkUrlAsync(id.Value, cancellationToken);
        if (url is null || !Link.IsAcceptableUrl(url))
        {
            return NotFound();
        }

        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Redirect(url);
    }
}
