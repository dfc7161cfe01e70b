using System.Linq.Expressions;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>A published procedure as the directory and its page show it.</summary>
public sealed record ProcedureItem(
    int Id,
    string Name,
    string Slug,
    string NationalCode,
    int FieldId,
    string FieldName,
    string FieldSlug,
    ProcedureLevel Level,
    string Description,
    string HandledBy,
    string NationalPortalUrl,
    DateTime UpdatedAtUtc);

/// <summary>A field of the register that has published procedures, for the directory's filter.</summary>
public sealed record ProcedureField(int Id, string Name, string Slug, int Count);

/// <summary>A published official, as the leadership, contact and English pages show them.</summary>
public sealed record OfficialItem(
    int Id,
    OfficialRole Role,
    string FullName,
    string Position,
    string PositionEn,
    string Unit,
    string UnitEn,
    string? Phone,
    string? Email,
    string? Duties);

/// <summary>
/// Intention-named queries over the published procedures and officials. The directory is small (a department has
/// tens of procedures, a few hundred at most), so the folded search runs over the published rows in memory with
/// <see cref="VietnameseText.Fold"/>: "ly lich tu phap" finds "Lý lịch tư pháp" without a folded column.
/// </summary>
public sealed class AgencyRepository(PortalDbContext db)
{
    /// <summary>Longest search text considered; the rest is ignored.</summary>
    public const int SearchMaxLength = 200;

    private IQueryable<ProcedureItem> PublishedProcedures(Expression<Func<Procedure, bool>>? filter = null) =>
        db.Procedures.AsNoTracking().Where(p => p.IsPublished).Where(filter ?? (p => true))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new ProcedureItem(p.Id, p.Name, p.Slug, p.NationalCode, p.FieldId, p.Field!.Name, p.Field.Slug, p.Level,
                p.Description, p.HandledBy, p.NationalPortalUrl, p.UpdatedAtUtc));

    /// <summary>One page of the published procedures, in their order, in a field (by slug) and matching the words (folded) when given.</summary>
    public async Task<PagedList<ProcedureItem>> ListProceduresAsync(string? fieldSlug, string? words, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var all = await (string.IsNullOrEmpty(fieldSlug) ? PublishedProcedures() : PublishedProcedures(p => p.Field!.Slug == fieldSlug)).ToListAsync(cancellationToken);
        var terms = Terms(words);
        var matching = terms.Count == 0 ? all : all.Where(p => Matches(p, terms)).ToList();
        var items = matching.Skip(PageNumber.Offset(page, pageSize)).Take(pageSize).ToList();
        return new PagedList<ProcedureItem>(items, page, pageSize, matching.Count);
    }

    /// <summary>Every published procedure (the sitemap).</summary>
    public Task<List<ProcedureItem>> ListAllProceduresAsync(CancellationToken cancellationToken = default) =>
        PublishedProcedures().ToListAsync(cancellationToken);

    public Task<ProcedureItem?> GetProcedureAsync(int id, CancellationToken cancellationToken = default) =>
        PublishedProcedures(p => p.Id == id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The fields that have published procedures, in the register's order.</summary>
    public async Task<List<ProcedureField>> ListProcedureFieldsAsync(CancellationToken cancellationToken = default) =>
        await db.RegisterTerms.AsNoTracking().Where(t => t.Kind == RegisterTermKind.Field)
            .Select(t => new { t.Id, t.Name, t.Slug, t.SortOrder, Count = db.Procedures.Count(p => p.IsPublished && p.FieldId == t.Id) })
            .Where(t => t.Count > 0)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new ProcedureField(t.Id, t.Name, t.Slug, t.Count))
            .ToListAsync(cancellationToken);

    /// <summary>The published officials, leadership first, each list in its order.</summary>
    public Task<List<OfficialItem>> ListOfficialsAsync(CancellationToken cancellationToken = default) =>
        db.Officials.AsNoTracking().Where(o => o.IsPublished)
            .OrderBy(o => o.Role).ThenBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new OfficialItem(o.Id, o.Role, o.FullName, o.Position, o.PositionEn, o.Unit, o.UnitEn, o.Phone, o.Email, o.Duties))
            .ToListAsync(cancellationToken);

    /// <summary>The folded words of a search, at most <see cref="SearchMaxLength"/> characters of it.</summary>
    public static IReadOnlyList<string> Terms(string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return [];
        }

        var text = words.Length > SearchMaxLength ? words[..SearchMaxLength] : words;
        return VietnameseText.Fold(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Every word is found in the folded name, description or national code.</summary>
    public static bool Matches(ProcedureItem procedure, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(terms);
        var haystack = VietnameseText.Fold(procedure.Name + "\n" + procedure.Description + "\n" + procedure.NationalCode);
        return terms.All(t => haystack.Contains(t, StringComparison.Ordinal));
    }
}
