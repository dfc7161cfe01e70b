using System.Globalization;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>A row of an import file that passed the rules, with its line number.</summary>
public sealed record ImportRow(int Line, string FromPath, string ToUrl);

/// <summary>What an import would do (preview) or did (job): the rows to add and every row left out, by line.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportRow> Accepted, IReadOnlyList<CsvRejection> Rejected);

/// <summary>
/// Every change to the redirect table: the form (add, edit, delete) and the CSV import, all checked by
/// <see cref="RedirectRules"/>, audited, and followed by <see cref="PublicCache.RedirectsChanged"/>.
/// </summary>
public sealed class RedirectEditor(PortalDbContext db, AuditLog audit, PublicCache cache, TimeProvider clock, SiteUrls site)
{
    public const string ImportJobKind = "redirect-import";

    private const int ImportBatchSize = 500;

    /// <summary>Newest first; <paramref name="words"/> is looked for in the old address (also in its normalized form) and in the new one.</summary>
    public async Task<PagedList<Redirect>> ListAsync(string? words, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Redirects.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(words))
        {
            // Old addresses are stored lower-case and normalized; new ones as typed.
            var typed = words.Trim();
            var lower = typed.ToLowerInvariant();
            var normalized = lower.StartsWith('/') ? Redirect.Normalize(lower) : lower;
            query = query.Where(r => r.FromPath.Contains(lower) || r.FromPath.Contains(normalized) || r.ToUrl.Contains(typed) || r.ToUrl.Contains(lower));
        }

        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.Id)
            .Skip(PageNumber.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedList<Redirect>(items, page, pageSize, total);
    }

    public async Task<EditResult<RedirectEditModel>> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Redirects.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } redirect
            ? EditResult.Found(new RedirectEditModel { FromPath = redirect.FromPath, ToUrl = redirect.ToUrl })
            : EditResult.NotFound.As<RedirectEditModel>();

    public async Task<EditResult> CreateAsync(RedirectEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var check = (await LoadRulesAsync(cancellationToken)).Check(model.FromPath, model.ToUrl);
        if (!check.IsValid)
        {
            return EditResult.Invalid(check.Field!, check.Error!);
        }

        var redirect = new Redirect { FromPath = check.FromPath, ToUrl = check.ToUrl, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Redirects.Add(redirect);
        if (!await TrySaveAsync(cancellationToken))
        {
            return Taken(check);
        }

        audit.Record(user, "Tạo", nameof(Redirect), Id(redirect), Describe(redirect), FieldDiff.Created(Snapshot(redirect)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.RedirectsChangedAsync();
        return EditResult.Ok(redirect.Id);
    }

    public async Task<EditResult> UpdateAsync(int id, RedirectEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var redirect = await db.Redirects.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return EditResult.NotFound;
        }

        var check = (await LoadRulesAsync(cancellationToken)).Check(model.FromPath, model.ToUrl, id);
        if (!check.IsValid)
        {
            return EditResult.Invalid(check.Field!, check.Error!);
        }

        var before = Snapshot(redirect);
        redirect.FromPath = check.FromPath;
        redirect.ToUrl = check.ToUrl;
        var changes = FieldDiff.Between(before, Snapshot(redirect));
        if (changes.Count > 0)
        {
            audit.Record(user, "Sửa", nameof(Redirect), Id(redirect), Describe(redirect), changes);
            if (!await TrySaveAsync(cancellationToken))
            {
                return Taken(check);
            }

            await cache.RedirectsChangedAsync();
        }

        return EditResult.Ok(redirect.Id);
    }

    public async Task<EditResult> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var redirect = await db.Redirects.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (redirect is null)
        {
            return EditResult.NotFound;
        }

        db.Redirects.Remove(redirect);
        audit.Record(user, "Xóa", nameof(Redirect), Id(redirect), Describe(redirect), FieldDiff.Deleted(Snapshot(redirect)));
        await db.SaveChangesAsync(cancellationToken);
        await cache.RedirectsChangedAsync();
        return EditResult.Ok(id, $"Đã xóa chuyển hướng “{redirect.FromPath}”.");
    }

    /// <summary>Checks every row of <paramref name="file"/> against the stored table and the rows above it, changing nothing.</summary>
    public async Task<ImportPlan> PlanAsync(CsvRedirectFile file, Action? rowChecked = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var rules = await LoadRulesAsync(cancellationToken);
        var accepted = new List<ImportRow>();
        var rejected = new List<CsvRejection>(file.Rejected);
        foreach (var row in file.Rows)
        {
            var check = rules.Check(row.OldUrl, row.NewUrl);
            if (check.IsValid)
            {
                rules.Add(new RedirectRule(0, check.FromPath, check.ToUrl, $"dòng {row.Line}"));
                accepted.Add(new ImportRow(row.Line, check.FromPath, check.ToUrl));
            }
            else
            {
                rejected.Add(new CsvRejection(row.Line, check.Error!));
            }

            rowChecked?.Invoke();
        }

        return new ImportPlan(accepted, rejected.OrderBy(r => r.Line).ToList());
    }

    /// <summary>
    /// The import itself, run as a background job: the rows are checked again against the table as it is
    /// now (it may have changed since the preview), the good ones are added in one transaction, and one
    /// audit entry sums it up.
    /// </summary>
    public async Task<JobOutcome> ImportAsync(CsvRedirectFile file, string fileName, ClaimsPrincipal user, JobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(progress);
        var total = file.Rows.Count + file.Rejected.Count;
        progress.SetTotal(total);
        var plan = await PlanAsync(file, cancellationToken: cancellationToken);
        progress.Report(plan.Rejected.Count);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in plan.Accepted.Chunk(ImportBatchSize))
        {
            db.Redirects.AddRange(batch.Select(r => new Redirect { FromPath = r.FromPath, ToUrl = r.ToUrl, CreatedAtUtc = now }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress.Advance(batch.Length);
        }

        var imported = VietnameseNumber.Format(plan.Accepted.Count);
        var skipped = VietnameseNumber.Format(plan.Rejected.Count);
        var message = $"Đã nhập {imported} chuyển hướng từ tệp “{fileName}”; {skipped} dòng bị từ chối.";
        audit.Record(user, "Nhập từ tệp", nameof(Redirect), "", message, new Dictionary<string, (object?, object?)>
        {
            ["Số dòng đã nhập"] = (null, plan.Accepted.Count),
            ["Số dòng bị từ chối"] = (null, plan.Rejected.Count),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await cache.RedirectsChangedAsync();
        progress.Report(total);
        return new JobOutcome(message, plan.Rejected.Select(r => r.ToString()).ToList());
    }

    private async Task<RedirectRules> LoadRulesAsync(CancellationToken cancellationToken) =>
        new(await db.Redirects.AsNoTracking().Select(r => new RedirectRule(r.Id, r.FromPath, r.ToUrl, null)).ToListAsync(cancellationToken), site.BaseUrl);

    /// <summary>False when another administrator stored the same old address between our check and our save (the unique index says so).</summary>
    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static EditResult Taken(RedirectCheck check) =>
        EditResult.Invalid(RedirectCheck.FromField, $"Địa chỉ cũ “{check.FromPath}” vừa được thêm chuyển hướng khác. Hãy tải lại danh sách.");

    private static Dictionary<string, string?> Snapshot(Redirect r) => new()
    {
        ["Địa chỉ cũ"] = r.FromPath,
        ["Địa chỉ mới"] = r.ToUrl,
    };

    private static string Describe(Redirect r) => $"{r.FromPath} → {r.ToUrl}";

    private static string Id(Redirect r) => r.Id.ToString(CultureInfo.InvariantCulture);
}
