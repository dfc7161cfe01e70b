using DoJ.Portal.Domain.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

public sealed record CategorySummary(int Id, string Name, string Slug, string Description);

public sealed record StaticPageDetails(int Id, string Title, string Slug, string Body, string Language, DateTime UpdatedAtUtc);

public sealed record SitemapEntry(string Path, DateTime? LastModifiedUtc);

/// <summary>Queries for categories, static pages and the redirect table, as the public site needs them.</summary>
public sealed class ContentRepository(PortalDbContext db)
{
    public Task<CategorySummary?> FindCategoryAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new CategorySummary(c.Id, c.Name, c.Slug, c.Description))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Categories the main menu points at, in menu order (parents before their children).</summary>
    public async Task<List<CategorySummary>> ListMenuCategoriesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.MenuItems.AsNoTracking()
            .Where(m => m.IsEnabled && m.Kind == MenuItemKind.Category && m.Category != null && !m.Category.IsHidden)
            .Select(m => new
            {
                ParentOrder = m.Parent == null ? m.SortOrder : m.Parent.SortOrder,
                IsChild = m.ParentId != null,
                m.SortOrder,
                Category = new CategorySummary(m.Category!.Id, m.Category.Name, m.Category.Slug, m.Category.Description),
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.ParentOrder).ThenBy(r => r.IsChild).ThenBy(r => r.SortOrder)
            .Select(r => r.Category).DistinctBy(c => c.Id).ToList();
    }

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
