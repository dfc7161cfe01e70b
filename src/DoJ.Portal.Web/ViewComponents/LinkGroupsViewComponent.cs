using DoJ.Portal.Data;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>"Liên kết website": enabled groups with at least one enabled link, and those links; cached, admin saves evict it.</summary>
public sealed class LinkGroupsViewComponent(PortalDbContext db, IMemoryCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var groups = await cache.GetOrCreateAsync(CacheKeys.LinkGroups, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            var rows = await db.LinkGroups.AsNoTracking()
                .Where(g => g.IsEnabled && g.Links.Any(l => l.IsEnabled))
                .OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
                .Select(g => new
                {
                    g.Id,
                    g.Name,
                    g.Display,
                    Links = g.Links.Where(l => l.IsEnabled).OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
                        .Select(l => new LinkGroupLink(l.Id, l.Title, l.Url)).ToList(),
                })
                .ToListAsync();
            return rows.Select(g => new LinkGroupModel(g.Id, g.Name, g.Display == LinkGroupDisplay.DropDown, g.Links)).ToList();
        });
        return View(groups);
    }
}

