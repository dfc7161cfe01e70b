using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The register's managed lists (document types, issuing bodies, fields) as administrators change them: a name,
/// a slug unique within its list (the filter's value in <c>/van-ban?loai=…</c>), an order; a term that documents
/// still use cannot be deleted.
/// </summary>
public sealed class RegisterTermEditor(PortalDbContext db, AuditLog audit, PublicCache publicCache)
{
    private const string Entity = nameof(RegisterTerm);

    /// <summary>The three lists, each in its order, with their use.</summary>
    public async Task<List<RegisterTermRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.RegisterTerms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new RegisterTermRow(t.Id, t.Kind, t.Name, t.Slug, 0,
                db.LegalDocuments.Count(d => d.DocumentTypeId == t.Id || d.IssuingBodyId == t.Id || d.FieldId == t.Id)))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Kind).SelectMany(g => g.Select((r, i) => r with { Position = i + 1 })).ToList();
    }

    public async Task<EditResult<RegisterTermEditModel>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.RegisterTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } term
            ? EditResult.Found(new RegisterTermEditModel { Kind = term.Kind, Name = term.Name, Slug = term.Slug })
            : EditResult.NotFound.As<RegisterTermEditModel>();

    public async Task<EditResult> CreateAsync(RegisterTermEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(model.Kind))
        {
            return EditResult.Invalid(nameof(model.Kind), "Danh mục không hợp lệ.");
        }

        var slug = SlugOf(model);
        if (await CheckAsync(model, slug, null, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var last = await db.RegisterTerms.Where(t => t.Kind == model.Kind).MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0;
        var term = new RegisterTerm { Kind = model.Kind, Name = Name(model), Slug = slug, SortOrder = last + 1 };
        db.RegisterTerms.Add(term);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user, "Tạo", Entity, Id(term.Id), $"{term.Kind.ToVietnamese()}: {term.Name}", FieldDiff.Created(Snapshot(term)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.RegisterTermsChangedAsync();
        return EditResult.Ok(term.Id, $"Đã thêm “{term.Name}” vào danh mục {term.Kind.ToVietnamese().ToLowerInvariant()}.");
    }

    /// <summary>Renames a term (its list does not change).</summary>
    public async Task<EditResult> UpdateAsync(int id, RegisterTermEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var term = await db.RegisterTerms.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (term is null)
        {
            return EditResult.NotFound;
        }

        model.Kind = term.Kind;
        var slug = SlugOf(model);
        if (await CheckAsync(model, slug, id, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var before = Snapshot(term);
        term.Name = Name(model);
        term.Slug = slug;
        var changes = FieldDiff.Between(before, Snapshot(term));
        if (changes.Count == 0)
        {
            return EditResult.Ok(id);
        }

        audit.Record(user, "Sửa", Entity, Id(id), $"{term.Kind.ToVietnamese()}: {term.Name}", changes);
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.RegisterTermsChangedAsync();
        return EditResult.Ok(id);
    }

    /// <summary>Moves a term one place up (-1) or down (+1) within its list.</summary>
    public async Task<EditResult> MoveAsync(int id, int offset, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var kind = await db.RegisterTerms.Where(t => t.Id == id).Select(t => (RegisterTermKind?)t.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            return EditResult.NotFound;
        }

        var all = await db.RegisterTerms.Where(t => t.Kind == kind).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        var index = all.FindIndex(t => t.Id == id);
        if (!OrderedMoves.Move(audit, user, all, index, offset, (t, position) => t.SortOrder = position, Entity, id, all[index].Name))
        {
            return EditResult.Ok(id);
        }

        await db.SaveChangesAsync(cancellationToken);
        await publicCache.RegisterTermsChangedAsync();
        return EditResult.Ok(id);
    }

    /// <summary>Deletes a term no document uses (drafts and the recycle bin count).</summary>
    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var term = await db.RegisterTerms.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (term is null)
        {
            return EditResult.NotFound;
        }

        var used = await db.LegalDocuments.CountAsync(d => d.DocumentTypeId == id || d.IssuingBodyId == id || d.FieldId == id, cancellationToken);
        if (used > 0)
        {
            return EditResult.Refused($"Không thể xóa “{term.Name}” vì còn {used} văn bản thuộc {term.Kind.ToVietnamese().ToLowerInvariant()} này, "
                + "kể cả bản nháp và văn bản trong thùng rác. Hãy chuyển các văn bản đó sang mục khác trước.");
        }

        db.RegisterTerms.Remove(term);
        audit.Record(user, "Xóa", Entity, Id(id), $"{term.Kind.ToVietnamese()}: {term.Name}", FieldDiff.Deleted(Snapshot(term)));
        await db.SaveChangesAsync(cancellationToken);
        await publicCache.RegisterTermsChangedAsync();
        return EditResult.Ok(id);
    }

    private static string Name(RegisterTermEditModel model) => model.Name.Trim().Normalize(System.Text.NormalizationForm.FormC);

    private static string SlugOf(RegisterTermEditModel model) =>
        string.IsNullOrWhiteSpace(model.Slug) ? Slug.From(model.Name, RegisterTerm.SlugMaxLength) : model.Slug.Trim();

    private async Task<EditResult?> CheckAsync(RegisterTermEditModel model, string slug, int? id, CancellationToken cancellationToken)
    {
        if (Name(model).Length == 0)
        {
            return EditResult.Invalid(nameof(model.Name), "Vui lòng nhập tên.");
        }

        if (slug.Length == 0)
        {
            return EditResult.Invalid(nameof(model.Slug), "Không tạo được đường dẫn từ tên. Vui lòng nhập đường dẫn.");
        }

        if (!Slug.IsWellFormed(slug, RegisterTerm.SlugMaxLength))
        {
            return EditResult.Invalid(nameof(model.Slug), "Đường dẫn chỉ gồm chữ thường không dấu (a–z), chữ số (0–9) và dấu gạch ngang, ví dụ “quyet-dinh”.");
        }

        return await db.RegisterTerms.AnyAsync(t => t.Kind == model.Kind && t.Slug == slug && t.Id != id, cancellationToken)
            ? EditResult.Invalid(nameof(model.Slug), $"Đường dẫn “{slug}” đã có trong danh mục {model.Kind.ToVietnamese().ToLowerInvariant()}. Vui lòng chọn đường dẫn khác.")
            : null;
    }

    private static Dictionary<string, string?> Snapshot(RegisterTerm t) => new()
    {
        ["Danh mục"] = t.Kind.ToVietnamese(),
        ["Tên"] = t.Name,
        ["Đường dẫn"] = t.Slug,
    };

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
