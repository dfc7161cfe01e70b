using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Ordering;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The main menu as administrators change it: each item points at a category, a static page or a checked
/// URL; one level of nesting; order within siblings. Every change is audited and shown on the site at once.
/// </summary>
public sealed class MenuEditor(PortalDbContext db, AuditLog audit, PublicCache publicCache)
{
    public const string UrlRule =
        "Địa chỉ không hợp lệ. Chỉ nhận địa chỉ bắt đầu bằng http:// hoặc https://, hoặc đường dẫn trong trang bắt đầu bằng một dấu “/” "
        + "(ví dụ /trang/lien-he); không nhận javascript:, data:, địa chỉ bắt đầu bằng “//” hay “/\\”, khoảng trắng hoặc ký tự ẩn.";

    /// <summary>Every item, parents each followed by their children, with why an item is not on the public menu.</summary>
    public async Task<List<MenuItemRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var items = await db.MenuItems.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.ParentId,
                m.Title,
                m.Kind,
                m.Url,
                m.IsEnabled,
                Category = m.Category == null ? null : new { m.Category.Name, m.Category.Slug, m.Category.IsHidden },
                Page = m.StaticPage == null ? null : new { m.StaticPage.Title, m.StaticPage.Slug, m.StaticPage.IsPublished },
            })
            .ToListAsync(cancellationToken);

        string? NotShown(int id)
        {
            var m = items.First(i => i.Id == id);
            return !m.IsEnabled ? "Đang tắt"
                : m.Kind == MenuItemKind.Category && m.Category is not { IsHidden: false } ? "Chuyên mục đang ẩn"
                : m.Kind == MenuItemKind.StaticPage && m.Page is not { IsPublished: true } ? "Trang chưa xuất bản"
                : m.ParentId is { } parent && NotShown(parent) is not null ? "Mục cha không hiển thị"
                : null;
        }

        MenuItemRow Row(int id)
        {
            var m = items.First(i => i.Id == id);
            var siblings = items.Where(i => i.ParentId == m.ParentId).ToList();
            var target = m.Kind switch
            {
                MenuItemKind.Category => m.Category is { } c ? $"Chuyên mục: {c.Name} ({SiteUrls.Category(c.Slug)})" : "Chuyên mục: (không còn)",
                MenuItemKind.StaticPage => m.Page is { } p ? $"Trang: {p.Title} ({SiteUrls.Page(p.Slug)})" : "Trang: (không còn)",
                _ => $"Địa chỉ: {m.Url}",
            };
            return new MenuItemRow(m.Id, m.ParentId, m.Title, target, m.IsEnabled, NotShown(id),
                siblings[0].Id == id, siblings[^1].Id == id, items.Count(i => i.ParentId == id));
        }

        return items.Where(i => i.ParentId == null)
            .SelectMany(top => items.Where(c => c.ParentId == top.Id).Select(c => c.Id).Prepend(top.Id))
            .Select(Row)
            .ToList();
    }

    public async Task<(List<MenuOption> Categories, List<MenuOption> Pages, List<MenuOption> Parents)> OptionsAsync(int? editing, CancellationToken cancellationToken = default) =>
        (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
                .Select(c => new MenuOption(c.Id, c.IsHidden ? c.Name + " (đang ẩn)" : c.Name)).ToListAsync(cancellationToken),
            await db.StaticPages.AsNoTracking().OrderBy(p => p.Title)
                .Select(p => new MenuOption(p.Id, p.IsPublished ? p.Title : p.Title + " (chưa xuất bản)")).ToListAsync(cancellationToken),
            await db.MenuItems.AsNoTracking().Where(m => m.ParentId == null && m.Id != editing).OrderBy(m => m.SortOrder).ThenBy(m => m.Id)
                .Select(m => new MenuOption(m.Id, m.Title)).ToListAsync(cancellationToken));

    public async Task<EditResult<MenuItemEditModel>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.MenuItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } item
            ? EditResult.Found(ToModel(item))
            : EditResult.NotFound.As<MenuItemEditModel>();

    private static MenuItemEditModel ToModel(MenuItem item) =>
        new()
        {
            Title = item.Title,
            Kind = item.Kind,
            CategoryId = item.CategoryId,
            StaticPageId = item.StaticPageId,
            Url = item.Url,
            ParentId = item.ParentId,
            IsEnabled = item.IsEnabled,
        };

    public async Task<EditResult> CreateAsync(MenuItemEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var item = new MenuItem();
        if (await ApplyAsync(item, model, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MenuItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tạo", nameof(MenuItem), Id(item.Id), item.Title, FieldDiff.Created(Snapshot(item)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await publicCache.MenuChangedAsync();
        return EditResult.Ok(item.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, MenuItemEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var item = await db.MenuItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return EditResult.NotFound;
        }

        var before = Snapshot(item);
        if (await ApplyAsync(item, model, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var changes = FieldDiff.Between(before, Snapshot(item));
        if (changes.Count > 0)
        {
            audit.Record(user, "Sửa", nameof(MenuItem), Id(id), item.Title, changes);
            await db.SaveChangesAsync(cancellationToken);
            await publicCache.MenuChangedAsync();
        }

        return EditResult.Ok(id);
    }

    /// <summary>Moves an item one place up (-1) or down (+1) among its siblings.</summary>
    public async Task<EditResult> MoveAsync(int id, int offset, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var item = await db.MenuItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return EditResult.NotFound;
        }

        var siblings = await db.MenuItems.Where(m => m.ParentId == item.ParentId).OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var index = siblings.FindIndex(m => m.Id == id);
        if (!OrderedMoves.Move(audit, user, siblings, index, offset, (m, position) => m.SortOrder = position, nameof(MenuItem), id, item.Title))
        {
            return EditResult.Ok(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicCache.MenuChangedAsync();
        return EditResult.Ok(id);
    }

    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var item = await db.MenuItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return EditResult.NotFound;
        }

        var children = await db.MenuItems.CountAsync(m => m.ParentId == id, cancellationToken);
        if (children > 0)
        {
            return EditResult.Refused($"Không thể xóa mục “{item.Title}” vì còn {children} mục con. Hãy xóa các mục con hoặc chuyển chúng sang mục cha khác trước.");
        }

        db.MenuItems.Remove(item);
        audit.Record(user, "Xóa", nameof(MenuItem), Id(id), item.Title, FieldDiff.Deleted(Snapshot(item)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.MenuChangedAsync();
        return EditResult.Ok(id);
    }

    /// <summary>Checks the form against the database and copies it onto <paramref name="item"/>; null when valid.</summary>
    private async Task<EditResult?> ApplyAsync(MenuItem item, MenuItemEditModel model, CancellationToken cancellationToken)
    {
        var target = await TargetAsync(model, cancellationToken);
        if (target.Error is not null)
        {
            return target.Error;
        }

        var title = string.IsNullOrWhiteSpace(model.Title) ? target.Name : model.Title.Trim();
        if (string.IsNullOrEmpty(title))
        {
            return EditResult.Invalid(nameof(MenuItemEditModel.Title), "Vui lòng nhập tiêu đề.");
        }

        if (await NestingProblemAsync(item, model.ParentId, cancellationToken) is { } nesting)
        {
            return EditResult.Invalid(nameof(MenuItemEditModel.ParentId), nesting);
        }

        if (item.Id == 0 || item.ParentId != model.ParentId)
        {
            // A new item, or one moved under another parent, goes to the end of its siblings.
            item.SortOrder = (await db.MenuItems.Where(m => m.ParentId == model.ParentId && m.Id != item.Id)
                .MaxAsync(m => (int?)m.SortOrder, cancellationToken) ?? 0) + 1;
        }

        item.Title = title.Length > MenuItem.TitleMaxLength ? title[..MenuItem.TitleMaxLength].TrimEnd() : title;
        item.Kind = model.Kind;
        item.CategoryId = model.Kind == MenuItemKind.Category ? model.CategoryId : null;
        item.StaticPageId = model.Kind == MenuItemKind.StaticPage ? model.StaticPageId : null;
        item.Url = model.Kind == MenuItemKind.Url ? model.Url!.Trim() : null;
        item.ParentId = model.ParentId;
        item.IsEnabled = model.IsEnabled;
        return null;
    }

    /// <summary>What the item points at must exist (or be an acceptable URL); its name is the default title.</summary>
    private async Task<(string? Name, EditResult? Error)> TargetAsync(MenuItemEditModel model, CancellationToken cancellationToken)
    {
        switch (model.Kind)
        {
            case MenuItemKind.Category:
                var category = await db.Categories.AsNoTracking().Where(c => c.Id == model.CategoryId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                return category is null ? (null, EditResult.Invalid(nameof(MenuItemEditModel.CategoryId), "Vui lòng chọn chuyên mục.")) : (category, null);
            case MenuItemKind.StaticPage:
                var page = await db.StaticPages.AsNoTracking().Where(p => p.Id == model.StaticPageId).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
                return page is null ? (null, EditResult.Invalid(nameof(MenuItemEditModel.StaticPageId), "Vui lòng chọn trang tĩnh.")) : (page, null);
            case MenuItemKind.Url:
                return MenuUrl.IsAcceptable(model.Url?.Trim()) ? (null, null) : (null, EditResult.Invalid(nameof(MenuItemEditModel.Url), UrlRule));
            default:
                return (null, EditResult.Invalid(nameof(MenuItemEditModel.Kind), "Vui lòng chọn loại liên kết."));
        }
    }

    /// <summary>One level of nesting: a parent is a top-level item, and an item with children stays at the top.</summary>
    private async Task<string?> NestingProblemAsync(MenuItem item, int? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } id)
        {
            return null;
        }

        if (id == item.Id)
        {
            return "Một mục không thể là mục cha của chính nó.";
        }

        var parent = await db.MenuItems.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Title, m.ParentId }).FirstOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            return "Mục cha không tồn tại. Vui lòng chọn lại.";
        }

        if (parent.ParentId is not null)
        {
            return $"Menu chỉ có hai cấp: “{parent.Title}” đã là mục con nên không thể chứa mục con.";
        }

        var children = item.Id == 0 ? 0 : await db.MenuItems.CountAsync(m => m.ParentId == item.Id, cancellationToken);
        return children > 0
            ? $"Menu chỉ có hai cấp: mục này đang có {children} mục con nên phải ở cấp cao nhất. Hãy chuyển các mục con đi trước."
            : null;
    }

    private static Dictionary<string, string?> Snapshot(MenuItem m) => new()
    {
        ["Tiêu đề"] = m.Title,
        ["Loại"] = m.Kind switch
        {
            MenuItemKind.Category => "Chuyên mục",
            MenuItemKind.StaticPage => "Trang tĩnh",
            _ => "Địa chỉ",
        },
        ["Chuyên mục"] = m.CategoryId?.ToString(CultureInfo.InvariantCulture),
        ["Trang tĩnh"] = m.StaticPageId?.ToString(CultureInfo.InvariantCulture),
        ["Địa chỉ"] = m.Url,
        ["Mục cha"] = m.ParentId?.ToString(CultureInfo.InvariantCulture),
        ["Thứ tự"] = m.SortOrder.ToString(CultureInfo.InvariantCulture),
        ["Hiển thị"] = m.IsEnabled ? "có" : "không",
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
