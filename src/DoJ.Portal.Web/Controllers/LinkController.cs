using DoJ.Portal.Data;
using DoJ.Portal.Domain.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// Where a "Liên kết website" drop-down goes: it sends a link's id, never a URL, so this can only
/// redirect to addresses an administrator stored (no open redirect).
/// </summary>
public sealed class LinkController(PortalDbContext db) : Controller
{
    [HttpGet("/lien-ket")]
    public async Task<IActionResult> Go([FromQuery] int? id, CancellationToken cancellationToken)
    {
        if (id is null or <= 0)
        {
            return BadRequest();
        }

        var url = await db.Links.AsNoTracking()
            .Where(l => l.Id == id && l.IsEnabled && l.LinkGroup!.IsEnabled)
            .Select(l => l.Url)
            .FirstOrDefaultAsync(cancellationToken);
        if (url is null || !Link.IsAcceptableUrl(url))
        {
            return NotFound();
        }

        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Redirect(url);
    }
}
