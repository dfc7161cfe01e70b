using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Services.Editing;

public sealed record SettingsSaveResult(EditOutcome Outcome, IReadOnlyList<FieldChange> Changes, Guid CurrentStamp, string? Field = null, string? Error = null);

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
            return new(EditOutcome.Invalid, [], model.ConcurrencyStamp, nameof(model.BaseUrl),
                "Địa chỉ trang phải là một địa chỉ http:// hoặc https:// đầy đủ, ví dụ https://stp.hue.gov.vn (không có dấu ?, # hay tên đăng nhập).");
        }

        var row = await db.SiteSettings.SingleAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (row.ConcurrencyStamp != model.ConcurrencyStamp)
        {
            return Conflict(row, model);
        }

        var before = Snapshot(SiteSettingsEditModel.From(row));
        model.ApplyTo(row);
        var after = Snapshot(SiteSettingsEditModel.From(row));
        var diff = before.Where(b => b.Value != after[b.Key]).ToDictionary(b => b.Key, b => ((object?)b.Value, (object?)after[b.Key]));
        if (diff.Count == 0)
        {
            return new(EditOutcome.Saved, [], row.ConcurrencyStamp);
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
            return Conflict(await db.SiteSettings.AsNoTracking().SingleAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken), model);
        }

        cache.SettingsChanged();
        urls.UseSettings(row.BaseUrl);
        return new(EditOutcome.Saved, [], row.ConcurrencyStamp);
    }

    /// <summary>What the other administrator saved that differs from this form.</summary>
    private static SettingsSaveResult Conflict(SiteSettings current, SiteSettingsEditModel yours)
    {
        var theirs = Snapshot(SiteSettingsEditModel.From(current));
        var proposed = new SiteSettings();
        yours.ApplyTo(proposed);
        var mine = Snapshot(SiteSettingsEditModel.From(proposed));
        var changes = theirs.Where(t => t.Value != mine[t.Key]).Select(t => new FieldChange(t.Key, t.Value, mine[t.Key])).ToList();
        return new(EditOutcome.Conflict, changes, current.ConcurrencyStamp);
    }

    /// <summary>Display name → value as text, for the audit entry and the conflict table.</summary>
    private static Dictionary<string, string> Snapshot(SiteSettingsEditModel model) =>
        Fields.ToDictionary(
            p => p.GetCustomAttribute<DisplayAttribute>()!.Name!,
            p => Convert.ToString(p.GetValue(model), CultureInfo.InvariantCulture) ?? "");
}
