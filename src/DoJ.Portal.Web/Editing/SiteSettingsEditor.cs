using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

public sealed record SettingsSaveResult(EditOutcome Outcome, EditConflict? Conflict, Guid CurrentStamp, string? Field = null, string? Error = null);

/// <summary>
/// Saves the site settings: validation beyond attributes, the concurrency stamp (two administrators never
/// silently overwrite each other), an audit entry with the changed values, and eviction of the public caches.
/// </summary>
public sealed class SiteSettingsEditor(PortalDbContext db, AuditLog audit, PublicCache cache, SiteUrls urls)
{
    private static readonly PropertyInfo[] Fields = typeof(SiteSettingsEditModel).GetProperties()
        .Where(p => p.GetCustomAttribute<DisplayAttribute>() is not null)
        .ToArray();

    public async Task<SettingsSaveResult> SaveAsync(SiteSettingsEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        if (!string.IsNullOrWhiteSpace(model.BaseUrl) && !SiteUrls.IsAcceptableBaseUrl(model.BaseUrl.Trim()))
        {
            return new(EditOutcome.Invalid, null, model.ConcurrencyStamp, nameof(model.BaseUrl),
                "Địa chỉ trang phải là một địa chỉ http:// hoặc https:// đầy đủ, ví dụ https://stp.hue.gov.vn (không có dấu ?, # hay tên đăng nhập).");
        }

        var row = await db.SiteSettings.SingleAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (row.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return await ConflictAsync(row, model, cancellationToken);
        }

        var before = Snapshot(SiteSettingsEditModel.From(row));
        model.ApplyTo(row);
        var after = Snapshot(SiteSettingsEditModel.From(row));
        var diff = FieldDiff.Between(before, after);
        if (diff.Count == 0)
        {
            return new(EditOutcome.Saved, null, row.ConcurrencyStamp);
        }

        // The WHERE clause carries the stamp the form was loaded with: a save that raced ours affects no row.
        db.Entry(row).Property(s => s.ConcurrencyStamp).OriginalValue = model.ConcurrencyStamp;
        audit.Record(user, "Sửa", nameof(SiteSettings), SiteSettings.SingletonId.ToString(CultureInfo.InvariantCulture), "Cài đặt trang", diff);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(await db.SiteSettings.AsNoTracking().SingleAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken), model, cancellationToken);
        }

        await cache.SettingsChangedAsync();
        urls.UseSettings(row.BaseUrl);
        return new(EditOutcome.Saved, null, row.ConcurrencyStamp);
    }

    /// <summary>What the other administrator saved that differs from this form, and who saved it last (from the audit log).</summary>
    private async Task<SettingsSaveResult> ConflictAsync(SiteSettings current, SiteSettingsEditModel yours, CancellationToken cancellationToken)
    {
        var proposed = new SiteSettings();
        yours.ApplyTo(proposed);
        var changes = FieldDiff.Conflicts(Snapshot(SiteSettingsEditModel.From(current)), Snapshot(SiteSettingsEditModel.From(proposed)));
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(SiteSettings))
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return new(EditOutcome.Conflict, new EditConflict(last?.UserName ?? "Người khác", last?.AtUtc ?? DateTime.MinValue, changes, current.ConcurrencyStamp), current.ConcurrencyStamp);
    }

    /// <summary>Display name → value as text, for the audit entry and the conflict table.</summary>
    private static Dictionary<string, string?> Snapshot(SiteSettingsEditModel model) =>
        Fields.ToDictionary(
            p => p.GetCustomAttribute<DisplayAttribute>()!.Name!,
            p => (string?)(Convert.ToString(p.GetValue(model), CultureInfo.InvariantCulture) ?? ""));
}
