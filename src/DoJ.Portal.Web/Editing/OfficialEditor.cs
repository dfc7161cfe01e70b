using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The officials of the leadership and contact pages (administrators): validation (a Vietnamese phone number and an
/// e-mail address when given), the concurrency stamp, order within each list, publish/unpublish, an audit entry per
/// change, then the eviction of the agency pages. Work contacts are the agency's public data, so the audit shows them.
/// </summary>
public sealed class OfficialEditor(PortalDbContext db, AuditLog audit, PublicCache publicCache, TimeProvider clock)
{
    private const string Entity = nameof(Official);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<OfficialRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Officials.AsNoTracking().OrderBy(o => o.Role).ThenBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Role, o.FullName, o.Position, o.Unit, o.IsPublished }).ToListAsync(cancellationToken);
        return all.GroupBy(o => o.Role)
            .SelectMany(g => g.Select((o, i) => new OfficialRow(o.Id, o.Role, o.FullName, o.Position, o.Unit, o.IsPublished, i == 0, i == g.Count() - 1)))
            .ToList();
    }

    public async Task<EditResult<OfficialEditModel>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is { } o
            ? EditResult.Found(new OfficialEditModel
            {
                Role = o.Role,
                FullName = o.FullName,
                Position = o.Position,
                PositionEn = o.PositionEn,
                Unit = o.Unit,
                UnitEn = o.UnitEn,
                Phone = o.Phone,
                Email = o.Email,
                Duties = o.Duties,
                IsPublished = o.IsPublished,
                ConcurrencyStamp = o.ConcurrencyStamp,
            })
            : EditResult.NotFound.As<OfficialEditModel>();

    public async Task<EditResult> CreateAsync(OfficialEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var official = new Official();
        if (Apply(official, model) is { } invalid)
        {
            return invalid;
        }

        official.SortOrder = (await db.Officials.Where(o => o.Role == official.Role).MaxAsync(o => (int?)o.SortOrder, cancellationToken) ?? 0) + 10;
        official.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.Officials.Add(official);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tạo", Entity, Id(official.Id), official.FullName, FieldDiff.Created(Snapshot(official)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(official.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, OfficialEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var official = await db.Officials.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (official is null)
        {
            return EditResult.NotFound;
        }

        if (official.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(official, model, cancellationToken);
        }

        var before = Snapshot(official);
        var roleBefore = official.Role;
        if (Apply(official, model) is { } invalid)
        {
            return invalid;
        }

        if (official.Role != roleBefore)
        {
            official.SortOrder = (await db.Officials.Where(o => o.Role == official.Role && o.Id != id).MaxAsync(o => (int?)o.SortOrder, cancellationToken) ?? 0) + 10;
        }

        official.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.ExpectStamp(official, model.ConcurrencyStamp);
        audit.Record(user, "Sửa", Entity, Id(id), official.FullName, FieldDiff.Between(before, Snapshot(official)));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            var current = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
            return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
        }

        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    public async Task<EditResult> SetPublishedAsync(int id, bool publish, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var official = await db.Officials.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (official is null)
        {
            return EditResult.NotFound;
        }

        if (official.IsPublished == publish)
        {
            return EditResult.Ok(id);
        }

        official.IsPublished = publish;
        official.UpdatedAtUtc = Now;
        official.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        audit.Record(user, publish ? "Xuất bản" : "Gỡ xuống", Entity, Id(id), official.FullName,
            new Dictionary<string, (object?, object?)> { ["Xuất bản"] = (!publish ? "Có" : "Không", publish ? "Có" : "Không") });
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    /// <summary>Moves an official one place up (-1) or down (+1) within their list.</summary>
    public async Task<EditResult> MoveAsync(int id, int offset, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var role = await db.Officials.Where(o => o.Id == id).Select(o => (OfficialRole?)o.Role).FirstOrDefaultAsync(cancellationToken);
        if (role is null)
        {
            return EditResult.NotFound;
        }

        var all = await db.Officials.Where(o => o.Role == role).OrderBy(o => o.SortOrder).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var index = all.FindIndex(o => o.Id == id);
        if (!OrderedMoves.Move(audit, user, all, index, offset, (o, position) => o.SortOrder = position, Entity, id, all[index].FullName))
        {
            return EditResult.Ok(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var official = await db.Officials.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (official is null)
        {
            return EditResult.NotFound;
        }

        db.Officials.Remove(official);
        audit.Record(user, "Xóa", Entity, Id(id), official.FullName, FieldDiff.Deleted(Snapshot(official)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    private EditResult? Apply(Official official, OfficialEditModel model)
    {
        if (!Enum.IsDefined(model.Role))
        {
            return EditResult.Invalid(nameof(model.Role), "Danh sách không hợp lệ.");
        }

        var name = Clean(model.FullName);
        var position = Clean(model.Position);
        var unit = Clean(model.Unit);
        if (name.Length == 0)
        {
            return EditResult.Invalid(nameof(model.FullName), "Vui lòng nhập họ và tên.");
        }

        if (position.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Position), "Vui lòng nhập chức vụ.");
        }

        if (unit.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Unit), "Vui lòng nhập đơn vị.");
        }

        var phone = Clean(model.Phone);
        if (phone.Length > 0 && ContactDetails.NormalizePhone(phone) is null)
        {
            return EditResult.Invalid(nameof(model.Phone), "Số điện thoại không hợp lệ, ví dụ: (0234) 3822 345 hoặc 0912 345 678.");
        }

        var email = Clean(model.Email);
        string? normalizedEmail = null;
        if (email.Length > 0 && (normalizedEmail = ContactDetails.NormalizeEmail(email)) is null)
        {
            return EditResult.Invalid(nameof(model.Email), "Địa chỉ thư điện tử không hợp lệ, ví dụ: vanphong@stp.hue.gov.vn.");
        }

        official.Role = model.Role;
        official.FullName = name;
        official.Position = position;
        official.PositionEn = Clean(model.PositionEn);
        official.Unit = unit;
        official.UnitEn = Clean(model.UnitEn);
        official.Phone = phone.Length == 0 ? null : phone;
        official.Email = normalizedEmail;
        official.Duties = Clean(model.Duties) is { Length: > 0 } duties ? duties : null;
        official.IsPublished = model.IsPublished;
        official.UpdatedAtUtc = Now;
        return null;
    }

    private async Task<EditResult> ConflictAsync(Official current, OfficialEditModel yours, CancellationToken cancellationToken)
    {
        var savedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        var mine = new Dictionary<string, string?>
        {
            ["Họ và tên"] = Clean(yours.FullName),
            ["Chức vụ"] = Clean(yours.Position),
            ["Đơn vị"] = Clean(yours.Unit),
            ["Điện thoại"] = Clean(yours.Phone) is { Length: > 0 } p ? p : null,
            ["Thư điện tử"] = Clean(yours.Email) is { Length: > 0 } e ? e : null,
            ["Lĩnh vực phụ trách"] = Clean(yours.Duties) is { Length: > 0 } d ? d : null,
        };
        return EditResult.Conflicted(current.Id, savedBy ?? "", current.UpdatedAtUtc, current.ConcurrencyStamp,
            Snapshot(current).Where(t => mine.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value), mine);
    }

    private static Dictionary<string, string?> Snapshot(Official o) => new()
    {
        ["Danh sách"] = o.Role.ToVietnamese(),
        ["Họ và tên"] = o.FullName,
        ["Chức vụ"] = o.Position,
        ["Chức vụ (tiếng Anh)"] = o.PositionEn,
        ["Đơn vị"] = o.Unit,
        ["Đơn vị (tiếng Anh)"] = o.UnitEn,
        ["Điện thoại"] = o.Phone,
        ["Thư điện tử"] = o.Email,
        ["Lĩnh vực phụ trách"] = o.Duties,
        ["Xuất bản"] = o.IsPublished ? "Có" : "Không",
    };

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
