using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>
/// The main menu from <see cref="MenuItem"/> rows, one level of nesting, cached. The admin menu editor
/// places the same component as its preview, so what it shows is what the public site renders.
/// </summary>
public sealed class MainMenuViewComponent(PublicMenu menu) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(Build(await menu.GetAsync(HttpContext.RequestAborted)));

    public static IReadOnlyList<MenuLink> Build(IReadOnlyList<MenuEntry> entries) =>
        entries.Where(e => e.ParentId == null)
            .Select(e => new MenuLink(
                e.Title,
                UrlOf(e),
                entries.Where(c => c.ParentId == e.Id).Select(c => new MenuLink(c.Title, UrlOf(c), [])).ToList()))
            .ToList();

    private static string UrlOf(MenuEntry entry) => entry.Kind switch
    {
        MenuItemKind.Category when entry.Category is not null => SiteUrls.Category(entry.Category.Slug),
        MenuItemKind.StaticPage when entry.PageSlug is not null => SiteUrls.Page(entry.PageSlug),
        _ => entry.Url ?? "/",
    };
}
