using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Every change to the procedures directory goes through here (editors): validation (a field of the register, a
/// well-formed national code, a link only to the national public-service portal), the concurrency stamp, an audit
/// entry with the change, then the eviction of the agency pages.
/// </summary>
public sealed class ProcedureEditor(PortalDbContext db, AuditLog audit, PublicCache publicCache, TimeProvider clock)
{
    private const string Entity = nameof(Procedure);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<List<ProcedureRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Procedures.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new ProcedureRow(p.Id, p.Name, p.Slug, p.NationalCode, p.Field!.Name, p.Level, p.IsPublished, 0))
            .ToListAsync(cancellationToken);
        return rows.Select((r, i) => r with { Position = i + 1 }).ToList();
    }

    public Task<List<FieldChoice>> FieldsAsync(CancellationToken cancellationToken = default) => FieldChoice.ListAsync(db, cancellationToken);

    public async Task<EditResult<ProcedureEditModel>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } p
            ? EditResult.Found(new ProcedureEditModel
            {
                Name = p.Name,
                Slug = p.Slug,
                NationalCode = p.NationalCode,
                FieldId = p.FieldId,
                Level = p.Level,
                Description = p.Description,
                HandledBy = p.HandledBy,
                NationalPortalUrl = p.NationalPortalUrl,
                IsPublished = p.IsPublished,
                ConcurrencyStamp = p.ConcurrencyStamp,
            })
            : EditResult.NotFound.As<ProcedureEditModel>();

    public async Task<EditResult> CreateAsync(ProcedureEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var procedure = new Procedure();
        if (await ApplyAsync(procedure, model, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        procedure.SortOrder = (await db.Procedures.MaxAsync(p => (int?)p.SortOrder, cancellationToken) ?? 0) + 10;
        procedure.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.Procedures.Add(procedure);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tạo", Entity, Id(procedure.Id), procedure.Name, FieldDiff.Created(await SnapshotAsync(procedure, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(procedure.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, ProcedureEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (procedure is null)
        {
            return EditResult.NotFound;
        }

        if (procedure.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(procedure, model, cancellationToken);
        }

        var before = await SnapshotAsync(procedure, cancellationToken);
        if (await ApplyAsync(procedure, model, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        procedure.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        db.ExpectStamp(procedure, model.ConcurrencyStamp);
        audit.Record(user, "Sửa", Entity, Id(id), procedure.Name, FieldDiff.Between(before, await SnapshotAsync(procedure, cancellationToken)));
        if (!await db.TrySaveAsync(cancellationToken))
        {
            var current = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            return current is null ? EditResult.NotFound : await ConflictAsync(current, model, cancellationToken);
        }

        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    /// <summary>Publishes or unpublishes (an unpublished procedure is a 404 and leaves the directory).</summary>
    public async Task<EditResult> SetPublishedAsync(int id, bool publish, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (procedure is null)
        {
            return EditResult.NotFound;
        }

        if (procedure.IsPublished == publish)
        {
            return EditResult.Ok(id);
        }

        procedure.IsPublished = publish;
        procedure.UpdatedAtUtc = Now;
        procedure.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        audit.Record(user, publish ? "Xuất bản" : "Gỡ xuống", Entity, Id(id), procedure.Name,
            new Dictionary<string, (object?, object?)> { ["Xuất bản"] = (!publish ? "Có" : "Không", publish ? "Có" : "Không") });
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    public async Task<EditResult> MoveAsync(int id, int offset, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var all = await db.Procedures.OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var index = all.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            return EditResult.NotFound;
        }

        if (!OrderedMoves.Move(audit, user, all, index, offset, (p, position) => p.SortOrder = position, Entity, id, all[index].Name))
        {
            return EditResult.Ok(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (procedure is null)
        {
            return EditResult.NotFound;
        }

        var snapshot = await SnapshotAsync(procedure, cancellationToken);
        db.Procedures.Remove(procedure);
        audit.Record(user, "Xóa", Entity, Id(id), procedure.Name, FieldDiff.Deleted(snapshot));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.AgencyChangedAsync();
        return EditResult.Ok(id);
    }

    private async Task<EditResult?> ApplyAsync(Procedure procedure, ProcedureEditModel model, CancellationToken cancellationToken)
    {
        var name = Clean(model.Name);
        if (name.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Name), "Vui lòng nhập tên thủ tục.");
        }

        var code = Clean(model.NationalCode);
        if (!NationalPortal.IsWellFormedCode(code))
        {
            return EditResult.Invalid(nameof(model.NationalCode), "Mã thủ tục gồm chữ số và dấu chấm, ví dụ 1.001193 hoặc 2.000908.");
        }

        if (!await db.RegisterTerms.AnyAsync(t => t.Id == model.FieldId && t.Kind == RegisterTermKind.Field, cancellationToken))
        {
            return EditResult.Invalid(nameof(model.FieldId), "Vui lòng chọn lĩnh vực.");
        }

        if (!Enum.IsDefined(model.Level))
        {
            return EditResult.Invalid(nameof(model.Level), "Cấp thực hiện không hợp lệ.");
        }

        var description = Clean(model.Description);
        var handledBy = Clean(model.HandledBy);
        if (description.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Description), "Vui lòng nhập mô tả ngắn.");
        }

        if (handledBy.Length == 0)
        {
            return EditResult.Invalid(nameof(model.HandledBy), "Vui lòng nhập cơ quan thực hiện.");
        }

        var url = (model.NationalPortalUrl ?? "").Trim();
        if (url.Length == 0)
        {
            url = NationalPortal.SearchUrl(code);
        }
        else if (!NationalPortal.IsAcceptable(url))
        {
            return EditResult.Invalid(nameof(model.NationalPortalUrl),
                "Chỉ nhận địa chỉ http(s) trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn). Để trống để dùng trang tìm kiếm theo mã thủ tục.");
        }

        var (slug, invalidSlug) = await SlugRules.ChooseAsync(name, model.Slug, Procedure.SlugMaxLength, _ => Task.FromResult(false), "");
        if (invalidSlug is not null)
        {
            return invalidSlug.Field == SlugRules.TitleField ? EditResult.Invalid(nameof(model.Name), "Tên thủ tục cần có chữ hoặc số.") : invalidSlug;
        }

        procedure.Name = name;
        procedure.Slug = slug;
        procedure.NationalCode = code;
        procedure.FieldId = model.FieldId;
        procedure.Level = model.Level;
        procedure.Description = description;
        procedure.HandledBy = handledBy;
        procedure.NationalPortalUrl = url;
        procedure.IsPublished = model.IsPublished;
        procedure.UpdatedAtUtc = Now;
        return null;
    }

    private async Task<EditResult> ConflictAsync(Procedure current, ProcedureEditModel yours, CancellationToken cancellationToken)
    {
        var savedBy = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        var theirs = await SnapshotAsync(current, cancellationToken);
        var mine = new Dictionary<string, string?>
        {
            ["Tên"] = Clean(yours.Name),
            ["Mã thủ tục"] = Clean(yours.NationalCode),
            ["Mô tả"] = Clean(yours.Description),
            ["Cơ quan thực hiện"] = Clean(yours.HandledBy),
            ["Cấp thực hiện"] = yours.Level.ToVietnamese(),
        };
        return EditResult.Conflicted(current.Id, savedBy ?? "", current.UpdatedAtUtc, current.ConcurrencyStamp,
            theirs.Where(t => mine.ContainsKey(t.Key)).ToDictionary(t => t.Key, t => t.Value), mine);
    }

    private async Task<Dictionary<string, string?>> SnapshotAsync(Procedure p, CancellationToken cancellationToken) => new()
    {
        ["Tên"] = p.Name,
        ["Đường dẫn"] = p.Slug,
        ["Mã thủ tục"] = p.NationalCode,
        ["Lĩnh vực"] = await db.RegisterTerms.AsNoTracking().Where(t => t.Id == p.FieldId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken),
        ["Cấp thực hiện"] = p.Level.ToVietnamese(),
        ["Mô tả"] = p.Description,
        ["Cơ quan thực hiện"] = p.HandledBy,
        ["Địa chỉ trên Cổng DVC"] = p.NationalPortalUrl,
        ["Xuất bản"] = p.IsPublished ? "Có" : "Không",
    };

    private static string Clean(string? text) => (text ?? "").Trim().Normalize(NormalizationForm.FormC);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
