using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Ordering;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Categories as administrators change them: a unique well-formed slug; a changed slug keeps the old
/// addresses working through redirects (no chains, no loops); only an empty category can be deleted.
/// Each change and its audit entries are one transaction.
/// </summary>
public sealed class CategoryEditor(PortalDbContext db, AuditLog audit, PublicCache publicCache, TimeProvider clock)
{
    /// <summary>The public addresses made from a category's slug: its page and its feed.</summary>
    private static readonly string[] AddressPrefixes = ["/chuyen-muc/", "/rss/"];

    public async Task<List<CategoryRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryRow(
                c.Id, c.Name, c.Slug, c.IsHidden, c.SortOrder,
                c.Articles.Count, c.Articles.Count(a => a.IsDeleted), db.MenuItems.Count(m => m.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);
        return rows.Select((r, i) => r with { Position = i + 1 }).ToList();
    }

    /// <summary>The edit form of a category; its <see cref="CategoryEditModel.Slug"/> is the current address.</summary>
    public async Task<EditResult<CategoryEditModel>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } category
            ? EditResult.Found(new CategoryEditModel { Name = category.Name, Slug = category.Slug, Description = category.Description, IsHidden = category.IsHidden })
            : EditResult.NotFound.As<CategoryEditModel>();

    public async Task<EditResult> CreateAsync(CategoryEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slug = SlugOf(model);
        if (await CheckSlugAsync(slug, null, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var last = await db.Categories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
        var category = new Category { SortOrder = last + 1 };
        Apply(category, model, slug);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Categories.Add(category);
        // A new category may take an address an earlier rename left behind as a redirect.
        var redirects = await FreeAddressesAsync(slug, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tạo", nameof(Category), Id(category.Id), category.Name, FieldDiff.Created(Snapshot(category)));
        RecordRedirects(user, redirects, category.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await EvictAsync(redirects);
        return EditResult.Ok(category.Id, $"Đã tạo chuyên mục “{category.Name}”. Chuyên mục chưa có trên menu chính: thêm mục menu tại trang Menu chính nếu cần.");
    }

    public async Task<EditResult> UpdateAsync(int id, CategoryEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return EditResult.NotFound;
        }

        var slug = SlugOf(model);
        if (await CheckSlugAsync(slug, id, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var before = Snapshot(category);
        var oldSlug = category.Slug;
        Apply(category, model, slug);
        var redirects = new List<RedirectChange>();
        if (slug != oldSlug)
        {
            redirects.AddRange(await FreeAddressesAsync(slug, cancellationToken));
            redirects.AddRange(await MoveAddressesAsync(oldSlug, slug, cancellationToken));
        }

        var changes = FieldDiff.Between(before, Snapshot(category));
        if (changes.Count == 0)
        {
            return EditResult.Ok(id);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Sửa", nameof(Category), Id(id), category.Name, changes);
        RecordRedirects(user, redirects, category.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await EvictAsync(redirects);
        return EditResult.Ok(id, slug == oldSlug
            ? null
            : $"Đã lưu chuyên mục. Địa chỉ cũ {SiteUrls.Category(oldSlug)} tự chuyển (301) sang {SiteUrls.Category(slug)}.");
    }

    /// <summary>Moves a category one place up (-1) or down (+1) in the list.</summary>
    public async Task<EditResult> MoveAsync(int id, int offset, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var all = await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var index = all.FindIndex(c => c.Id == id);
        if (index < 0)
        {
            return EditResult.NotFound;
        }

        if (!OrderedMoves.Move(audit, user, all, index, offset, (c, position) => c.SortOrder = position, nameof(Category), id, all[index].Name))
        {
            return EditResult.Ok(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicCache.CategoriesChangedAsync();
        return EditResult.Ok(id);
    }

    /// <summary>Deletes a category that has no article at all (drafts and the recycle bin count) and no menu item.</summary>
    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return EditResult.NotFound;
        }

        var articles = await db.Articles.CountAsync(a => a.CategoryId == id, cancellationToken);
        if (articles > 0)
        {
            var inBin = await db.Articles.CountAsync(a => a.CategoryId == id && a.IsDeleted, cancellationToken);
            return EditResult.Refused($"Không thể xóa chuyên mục “{category.Name}” vì chuyên mục còn {articles} bài viết"
                + (inBin > 0 ? $" (trong đó {inBin} bài trong thùng rác)" : "")
                + ", kể cả bản nháp. Hãy chuyển các bài sang chuyên mục khác hoặc xóa vĩnh viễn trước.");
        }

        var menuItems = await db.MenuItems.CountAsync(m => m.CategoryId == id, cancellationToken);
        if (menuItems > 0)
        {
            return EditResult.Refused($"Không thể xóa chuyên mục “{category.Name}” vì còn {menuItems} mục trong menu chính trỏ tới chuyên mục này. Hãy sửa hoặc xóa các mục menu đó trước.");
        }

        db.Categories.Remove(category);
        audit.Record(user, "Xóa", nameof(Category), Id(id), category.Name, FieldDiff.Deleted(Snapshot(category)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.CategoriesChangedAsync();
        return EditResult.Ok(id);
    }

    private static string SlugOf(CategoryEditModel model) =>
        string.IsNullOrWhiteSpace(model.Slug) ? Slug.From(model.Name, Category.SlugMaxLength) : model.Slug.Trim();

    private async Task<EditResult?> CheckSlugAsync(string slug, int? id, CancellationToken cancellationToken)
    {
        if (slug.Length == 0)
        {
            return EditResult.Invalid(nameof(CategoryEditModel.Slug), "Không tạo được đường dẫn từ tên chuyên mục. Vui lòng nhập đường dẫn.");
        }

        if (!Slug.IsWellFormed(slug, Category.SlugMaxLength))
        {
            return EditResult.Invalid(nameof(CategoryEditModel.Slug),
                "Đường dẫn chỉ gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang giữa các từ, ví dụ “tin-hoat-dong”.");
        }

        return await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != id, cancellationToken)
            ? EditResult.Invalid(nameof(CategoryEditModel.Slug), $"Đường dẫn “{slug}” đã được một chuyên mục khác dùng. Vui lòng chọn đường dẫn khác.")
            : null;
    }

    private static void Apply(Category category, CategoryEditModel model, string slug)
    {
        category.Name = model.Name.Trim();
        category.Slug = slug;
        category.Description = model.Description?.Trim() ?? "";
        category.IsHidden = model.IsHidden;
    }

    /// <summary>Redirects away from the category's new addresses go: the category answers there now (renaming back included).</summary>
    private async Task<List<RedirectChange>> FreeAddressesAsync(string slug, CancellationToken cancellationToken)
    {
        var paths = AddressPrefixes.Select(p => Redirect.Normalize(p + slug)).ToList();
        var rows = await db.Redirects.Where(r => paths.Contains(r.FromPath)).ToListAsync(cancellationToken);
        db.Redirects.RemoveRange(rows);
        return rows.Select(r => new RedirectChange(r, "Xóa", r.ToUrl)).ToList();
    }

    /// <summary>
    /// Each old address answers with a 301 to the new one, and redirects that led to the old address now lead
    /// straight to the new one, so no chain forms.
    /// </summary>
    private async Task<List<RedirectChange>> MoveAddressesAsync(string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        var changes = new List<RedirectChange>();
        foreach (var prefix in AddressPrefixes)
        {
            var from = prefix + oldSlug;
            var to = prefix + newSlug;
            var withQuery = from + "?";
            var pointing = await db.Redirects.Where(r => r.ToUrl == from || r.ToUrl.StartsWith(withQuery)).ToListAsync(cancellationToken);
            foreach (var row in pointing.Where(r => db.Entry(r).State != EntityState.Deleted))
            {
                var target = to + row.ToUrl[from.Length..];
                if (Redirect.Normalize(target) == row.FromPath)
                {
                    db.Redirects.Remove(row);
                    changes.Add(new RedirectChange(row, "Xóa", row.ToUrl));
                }
                else
                {
                    changes.Add(new RedirectChange(row, "Sửa", row.ToUrl));
                    row.ToUrl = target;
                }
            }

            var key = Redirect.Normalize(from);
            var existing = await db.Redirects.FirstOrDefaultAsync(r => r.FromPath == key, cancellationToken);
            if (existing is null)
            {
                var added = new Redirect { FromPath = key, ToUrl = to, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
                db.Redirects.Add(added);
                changes.Add(new RedirectChange(added, "Tạo", null));
            }
            else if (existing.ToUrl != to)
            {
                changes.Add(new RedirectChange(existing, "Sửa", existing.ToUrl));
                existing.ToUrl = to;
            }
        }

        return changes;
    }

    /// <summary>After the first save, so new redirects have their ids.</summary>
    private void RecordRedirects(ClaimsPrincipal user, List<RedirectChange> changes, string categoryName)
    {
        foreach (var change in changes)
        {
            var row = change.Row;
            audit.Record(user, change.Action, nameof(Redirect), Id(row.Id), $"{row.FromPath} → {row.ToUrl} (chuyên mục “{categoryName}” đổi đường dẫn)",
                new Dictionary<string, (object?, object?)>
                {
                    ["Địa chỉ cũ"] = (change.Action == "Tạo" ? null : row.FromPath, change.Action == "Xóa" ? null : row.FromPath),
                    ["Địa chỉ mới"] = (change.OldTo, change.Action == "Xóa" ? null : row.ToUrl),
                });
        }
    }

    private async Task EvictAsync(List<RedirectChange> redirects)
    {
        await publicCache.CategoriesChangedAsync();
        if (redirects.Count > 0)
        {
            await publicCache.RedirectsChangedAsync();
        }
    }

    private static Dictionary<string, string?> Snapshot(Category c) => new()
    {
        ["Tên"] = c.Name,
        ["Đường dẫn"] = c.Slug,
        ["Mô tả"] = c.Description,
        ["Ẩn khỏi menu"] = c.IsHidden ? "có" : "không",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record RedirectChange(Redirect Row, string Action, string? OldTo);
}
