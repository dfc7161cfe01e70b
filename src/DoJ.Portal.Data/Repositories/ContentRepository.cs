using DoJ.Portal.Domain.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

public sealed record CategorySummary(int Id, string Name, string Slug, string Description);

public sealed record StaticPageDetails(int Id, string Title, string Slug, string Body, string Language, DateTime UpdatedAtUtc);

/// <summary>A shown entry of the public main menu with what its address is made from.</summary>
public sealed record MenuEntry(int Id, int? ParentId, string Title, MenuItemKind Kind, CategorySummary? Category, string? PageSlug, string? Url);

public sealed record SitemapEntry(string Path, DateTime? LastModifiedUtc);

/// <summary>Queries for categories, static pages and the redirect table, as the public site needs them.</summary>
public sealed class ContentRepository(PortalDbContext db)
{
    /// <summary>Where a shown link of the "Liên kết website" directory leads: enabled, in an enabled group; null otherwise.</summary>
    public Task<string?> FindShownLinkUrlAsync(int id, CancellationToken cancellationToken = default) =>
        db.Links.AsNoTracking()
            .Where(l => l.Id == id && l.IsEnabled && l.LinkGroup!.IsEnabled)
            .Select(l => l.Url)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<CategorySummary?> FindCategoryAsync(string slug, CancellationToken cancellationToken = default) =>
        CategoryBySlug.For(db)(db, slug, cancellationToken);

    /// <summary>Every category page's first command, compiled once per provider (as the article page's, docs/performance.md).</summary>
    private static readonly CompiledPerProvider<Func<PortalDbContext, string, CancellationToken, Task<CategorySummary?>>> CategoryBySlug = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string slug, CancellationToken _) =>
            db.Categories.AsNoTracking().Where(c => c.Slug == slug)
                .Select(c => new CategorySummary(c.Id, c.Name, c.Slug, c.Description))
                .FirstOrDefault()));

    /// <summary>
    /// The main menu as the public site shows it, parents each followed by their children, in order: enabled
    /// items whose target is visible (a category that is not hidden, a published page), and children only
    /// under a parent that is itself shown.
    /// </summary>
    public async Task<List<MenuEntry>> ListPublicMenuAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.MenuItems.AsNoTracking()
            .Where(m => m.IsEnabled
                && (m.Kind != MenuItemKind.Category || (m.Category != null && !m.Category.IsHidden))
                && (m.Kind != MenuItemKind.StaticPage || (m.StaticPage != null && m.StaticPage.IsPublished)))
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new MenuEntry(
                m.Id,
                m.ParentId,
                m.Title,
                m.Kind,
                m.Category == null ? null : new CategorySummary(m.Category.Id, m.Category.Name, m.Category.Slug, m.Category.Description),
                m.StaticPage == null ? null : m.StaticPage.Slug,
                m.Url))
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.ParentId == null)
            .SelectMany(top => rows.Where(child => child.ParentId == top.Id).Prepend(top))
            .ToList();
    }

    /// <summary>Categories the public menu shows, in menu order: the home page gives each a block.</summary>
    public static List<CategorySummary> MenuCategories(IEnumerable<MenuEntry> menu) =>
        menu.Where(m => m.Kind == MenuItemKind.Category && m.Category is not null)
            .Select(m => m.Category!)
            .DistinctBy(c => c.Id)
            .ToList();

    public Task<List<CategorySummary>> ListCategoriesAsync(CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategorySummary(c.Id, c.Name, c.Slug, c.Description))
            .ToListAsync(cancellationToken);

    public Task<StaticPageDetails?> FindPublishedPageAsync(string slug, CancellationToken cancellationToken = default) =>
        db.StaticPages.AsNoTracking().Where(p => p.Slug == slug && p.IsPublished)
            .Select(p => new StaticPageDetails(p.Id, p.Title, p.Slug, p.Body, p.Language, p.UpdatedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<List<StaticPageDetails>> ListPublishedPagesAsync(CancellationToken cancellationToken = default) =>
        db.StaticPages.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.Id)
            .Select(p => new StaticPageDetails(p.Id, p.Title, p.Slug, "", p.Language, p.UpdatedAtUtc))
            .ToListAsync(cancellationToken);

    /// <summary>The whole redirect table as a lookup from normalized old address to new URL.</summary>
    public async Task<Dictionary<string, string>> LoadRedirectsAsync(CancellationToken cancellationToken = default) =>
        await db.Redirects.AsNoTracking().ToDictionaryAsync(r => r.FromPath, r => r.ToUrl, StringComparer.Ordinal, cancellationToken);

}
