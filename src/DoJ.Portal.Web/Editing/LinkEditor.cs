using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Ordering;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to the "Liên kết website" directory: groups and links, their order and visibility. Each
/// change is audited in the same transaction and then shown on the public sidebar at once.
/// </summary>
public sealed class LinkEditor(PortalDbContext db, AuditLog audit, PublicCache cache)
{
    /// <summary>Every group, enabled or not, in sidebar order, with its links in order.</summary>
    public Task<List<LinkGroup>> ListAsync(CancellationToken cancellationToken = default) =>
        db.LinkGroups.AsNoTracking()
            .Include(g => g.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id))
            .OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .ToListAsync(cancellationToken);

    public Task<LinkGroup?> FindGroupAsync(int id, CancellationToken cancellationToken = default) =>
        db.LinkGroups.AsNoTracking()
            .Include(g => g.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id))
            .FirstOrDefaultAsync(g => g.Id == id, cancellationToken);

    public async Task<EditResult<LinkGroupEditModel>> LoadGroupAsync(int id, CancellationToken cancellationToken = default) =>
        await db.LinkGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) is { } group
            ? EditResult.Found(new LinkGroupEditModel { Name = group.Name, Display = group.Display, IsEnabled = group.IsEnabled })
            : EditResult.NotFound.As<LinkGroupEditModel>();

    public async Task<EditResult<LinkEditModel>> LoadLinkAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Links.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is { } link
            ? EditResult.Found(new LinkEditModel { LinkGroupId = link.LinkGroupId, Title = link.Title, Url = link.Url, IsEnabled = link.IsEnabled })
            : EditResult.NotFound.As<LinkEditModel>();

    /// <summary>A new group, at the end of the sidebar.</summary>
    public Task<EditResult> CreateGroupAsync(LinkGroupEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SaveGroupAsync(null, model, user, cancellationToken);

    public Task<EditResult> UpdateGroupAsync(int id, LinkGroupEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SaveGroupAsync(id, model, user, cancellationToken);

    /// <summary>A new link, at the end of its group.</summary>
    public Task<EditResult> CreateLinkAsync(LinkEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SaveLinkAsync(null, model, user, cancellationToken);

    public Task<EditResult> UpdateLinkAsync(int id, LinkEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SaveLinkAsync(id, model, user, cancellationToken);

    private async Task<EditResult> SaveGroupAsync(int? id, LinkGroupEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(model.Display))
        {
            return EditResult.Invalid(nameof(model.Display), "Cách hiển thị không hợp lệ.");
        }

        var group = id is null ? new LinkGroup() : await db.LinkGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return EditResult.NotFound;
        }

        var before = id is null ? new Dictionary<string, string?>() : Snapshot(group);
        group.Name = Clean(model.Name);
        group.Display = model.Display;
        group.IsEnabled = model.IsEnabled;
        if (id is null)
        {
            group.SortOrder = (await db.LinkGroups.MaxAsync(g => (int?)g.SortOrder, cancellationToken) ?? 0) + 1;
            db.LinkGroups.Add(group);
        }

        await CommitAsync(id is null, nameof(LinkGroup), () => group.Id, group.Name, FieldDiff.Between(before, Snapshot(group)), user, cancellationToken);
        return EditResult.Ok(group.Id);
    }

    /// <summary>
    /// Deletes a group and, with it, its links; a group that still has links only when <paramref name="confirmed"/>
    /// (the confirmation page says how many go with it), otherwise it is refused.
    /// </summary>
    public async Task<EditResult> DeleteGroupAsync(int id, bool confirmed, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var group = await db.LinkGroups.Include(g => g.Links).FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return EditResult.NotFound;
        }

        if (group.Links.Count > 0 && !confirmed)
        {
            return EditResult.Refused($"Nhóm “{group.Name}” còn {group.Links.Count} liên kết: hãy xác nhận để xóa cả nhóm và các liên kết này.", id);
        }

        var links = group.Links.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToList();
        var changes = FieldDiff.Deleted(Snapshot(group));
        if (links.Count > 0)
        {
            changes["Liên kết bị xóa theo"] = (string.Join("; ", links.Select(l => $"{l.Title} ({l.Url})")), null);
        }

        db.Links.RemoveRange(links);
        db.LinkGroups.Remove(group);
        audit.Record(user, "Xóa", nameof(LinkGroup), Id(group.Id), links.Count == 0 ? group.Name : $"{group.Name} (cùng {links.Count} liên kết)", changes);
        await db.SaveChangesAsync(cancellationToken);
        await cache.LinksChangedAsync();
        return EditResult.Ok(id, links.Count == 0 ? $"Đã xóa nhóm “{group.Name}”." : $"Đã xóa nhóm “{group.Name}” và {links.Count} liên kết trong nhóm.");
    }

    /// <summary>Moves a group one place up (<paramref name="by"/> = -1) or down (+1).</summary>
    public async Task<EditResult> MoveGroupAsync(int id, int by, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var groups = await db.LinkGroups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var group = groups.Find(g => g.Id == id);
        if (group is null)
        {
            return EditResult.NotFound;
        }

        await MoveAsync(groups, group, by, (g, order) => g.SortOrder = order, nameof(LinkGroup), group.Id, group.Name, user, cancellationToken);
        return EditResult.Ok(id);
    }

    private async Task<EditResult> SaveLinkAsync(int? id, LinkEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var url = model.Url?.Trim() ?? "";
        var problem = WebAddress.CheckAbsolute(url);
        if (problem != WebAddressProblem.None)
        {
            return EditResult.Invalid(nameof(model.Url), problem.ToVietnamese());
        }

        url = WebAddress.ToAscii(url);
        if (url.Length > Link.UrlMaxLength)
        {
            return EditResult.Invalid(nameof(model.Url), $"Địa chỉ dài tối đa {Link.UrlMaxLength} ký tự (sau khi mã hóa các ký tự có dấu).");
        }

        var group = await db.LinkGroups.FirstOrDefaultAsync(g => g.Id == model.LinkGroupId, cancellationToken);
        if (group is null)
        {
            return EditResult.Invalid(nameof(model.LinkGroupId), "Vui lòng chọn một nhóm liên kết.");
        }

        var link = id is null ? new Link() : await db.Links.Include(l => l.LinkGroup).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return EditResult.NotFound;
        }

        var before = id is null ? new Dictionary<string, string?>() : Snapshot(link, link.LinkGroup!.Name);
        if (id is null || link.LinkGroupId != group.Id)
        {
            link.SortOrder = (await db.Links.Where(l => l.LinkGroupId == group.Id).MaxAsync(l => (int?)l.SortOrder, cancellationToken) ?? 0) + 1;
        }

        link.LinkGroupId = group.Id;
        link.Title = Clean(model.Title);
        link.Url = url;
        link.IsEnabled = model.IsEnabled;
        if (id is null)
        {
            db.Links.Add(link);
        }

        await CommitAsync(id is null, nameof(Link), () => link.Id, link.Title, FieldDiff.Between(before, Snapshot(link, group.Name)), user, cancellationToken);
        return EditResult.Ok(link.Id);
    }

    /// <summary>Deletes a link; the result's id is its group's, where the list shows the change.</summary>
    public async Task<EditResult> DeleteLinkAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var link = await db.Links.Include(l => l.LinkGroup).FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return EditResult.NotFound;
        }

        db.Links.Remove(link);
        audit.Record(user, "Xóa", nameof(Link), Id(link.Id), link.Title, FieldDiff.Deleted(Snapshot(link, link.LinkGroup!.Name)));
        await db.SaveChangesAsync(cancellationToken);
        await cache.LinksChangedAsync();
        return EditResult.Ok(link.LinkGroupId, $"Đã xóa liên kết “{link.Title}”.");
    }

    /// <summary>Moves a link one place up or down inside its group.</summary>
    public async Task<EditResult> MoveLinkAsync(int id, int by, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var groupId = await db.Links.Where(l => l.Id == id).Select(l => (int?)l.LinkGroupId).FirstOrDefaultAsync(cancellationToken);
        if (groupId is null)
        {
            return EditResult.NotFound;
        }

        var links = await db.Links.Where(l => l.LinkGroupId == groupId).OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var link = links.Single(l => l.Id == id);
        await MoveAsync(links, link, by, (l, order) => l.SortOrder = order, nameof(Link), link.Id, link.Title, user, cancellationToken);
        return EditResult.Ok(id);
    }

    /// <summary>Moves <paramref name="item"/> one place among its ordered siblings (<see cref="Positions.Move"/>); at either end nothing changes.</summary>
    private async Task MoveAsync<T>(List<T> ordered, T item, int by, Action<T, int> setOrder, string entityType, int id, string name, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!OrderedMoves.Move(audit, user, ordered, ordered.IndexOf(item), by, setOrder, entityType, id, name))
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        await cache.LinksChangedAsync();
    }

    /// <summary>A new record is saved first to get its id for the audit entry; both in one transaction.</summary>
    private async Task CommitAsync(bool isNew, string entityType, Func<int> id, string summary, Dictionary<string, (object?, object?)> changes, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!isNew && changes.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (isNew)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        audit.Record(user, isNew ? "Tạo" : "Sửa", entityType, Id(id()), summary, changes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.LinksChangedAsync();
    }

    private static Dictionary<string, string?> Snapshot(LinkGroup g) => new()
    {
        ["Tên nhóm"] = g.Name,
        ["Cách hiển thị"] = LinkGroupEditModel.DisplayName(g.Display),
        ["Hiển thị"] = FieldDiff.YesNo(g.IsEnabled),
    };

    private static Dictionary<string, string?> Snapshot(Link l, string groupName) => new()
    {
        ["Nhóm"] = groupName,
        ["Tên liên kết"] = l.Title,
        ["Địa chỉ"] = l.Url,
        ["Hiển thị"] = FieldDiff.YesNo(l.IsEnabled),
    };

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
