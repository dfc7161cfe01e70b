using DoJ.Portal.Data;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The main menu from <see cref="MenuItem"/> rows, one level of nesting, cached.</summary>
public sealed class MainMenuViewComponent(PortalDbContext db, IMemoryCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var items = await cache.GetOrCreateAsync(CacheKeys.MainMenu, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheKeys.LayoutLifetime;
            return await LoadAsync();
        });
        return View(items);
    }

    private async Task<IReadOnlyList<MenuLink>> LoadAsync()
    {
        var rows = await db.MenuItems.AsNoTracking()
            // A hidden category or an unpublished page leaves the menu rather than lead to a 404.
            .Where(m => m.IsEnabled && (m.Category == null || !m.Category.IsHidden) && (m.StaticPage == null || m.StaticPage.IsPublished))
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new MenuRow(
                m.Id,
                m.ParentId,
                m.Title,
                m.Kind,
                m.Category == null ? null : m.Category.Slug,
                m.StaticPage == null ? null : m.StaticPage.Slug,
                m.Url))
            .ToListAsync();

        return rows.Where(r => r.ParentId == null)
            .Select(r => new MenuLink(
                r.Title,
                r.Url,
                rows.Where(c => c.ParentId == r.Id).Select(c => new MenuLink(c.Title, c.Url, [])).ToList()))
            .ToList();
    }

    private sealed record MenuRow(int Id, int? ParentId, string Title, MenuItemKind Kind, string? CategorySlug, string? PageSlug, string? Target)
    {
        public string Url => Kind switch
        {
            MenuItemKind.Category when CategorySlug is not null => SiteUrls.Category(CategorySlug),
            MenuItemKind.StaticPage when PageSlug is not null => SiteUrls.Page(PageSlug),
            _ => Target ?? "/",
        };
    }
}
