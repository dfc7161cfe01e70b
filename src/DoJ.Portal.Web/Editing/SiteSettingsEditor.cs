using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Settings;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Navigation;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// Saves the site settings: validation beyond attributes, the concurrency stamp (two administrators never
/// silently overwrite each other), an audit entry with the changed values, and eviction of the public caches.
/// </summary>
public sealed class SiteSettingsEditor(PortalDbContext db, SiteSettingsRepository settings, AuditLog audit, PublicCache cache, SiteUrls urls)
{
    /// <summary>The configured <c>Site:BaseUrl</c>, shown beside the form's own base URL field.</summary>
    public string ConfiguredBaseUrl => urls.ConfiguredBaseUrl;

    public async Task<EditResult<SiteSettingsEditModel>> LoadAsync(CancellationToken cancellationToken = default) =>
        EditResult.Found(SiteSettingsEditModel.From(await settings.GetAsync(cancellationToken)));

    private static readonly PropertyInfo[] Fields = typeof(SiteSettingsEditModel).GetProperties()
        .Where(p => p.GetCustomAttribute<DisplayAttribute>() is not null)
        .ToArray();

    public async Task<EditResult> SaveAsync(SiteSettingsEditModel model, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(user);
        if (!string.IsNullOrWhiteSpace(model.BaseUrl) && !SiteUrls.IsAcceptableBaseUrl(model.BaseUrl.Trim()))
        {
            return EditResult.Invalid(nameof(model.BaseUrl),
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
            return EditResult.Ok(SiteSettings.SingletonId);
        }

        db.ExpectStamp(row, model.ConcurrencyStamp);
        audit.Record(user, "Sửa", nameof(SiteSettings), SiteSettings.SingletonId.ToString(CultureInfo.InvariantCulture), "Cài đặt trang", diff);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return await ConflictAsync(await db.SiteSettings.AsNoTracking().SingleAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken), model, cancellationToken);
        }

        await cache.SettingsChangedAsync();
        urls.UseSettings(row.BaseUrl);
        return EditResult.Ok(SiteSettings.SingletonId);
    }

    /// <summary>What the other administrator saved that differs from this form, and who saved it last (from the audit log).</summary>
    private async Task<EditResult> ConflictAsync(SiteSettings current, SiteSettingsEditModel yours, CancellationToken cancellationToken)
    {
        var proposed = new SiteSettings();
        yours.ApplyTo(proposed);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(SiteSettings))
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.UserName, e.AtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return EditResult.Conflicted(SiteSettings.SingletonId, last?.UserName ?? "Người khác", last?.AtUtc ?? DateTime.MinValue, current.ConcurrencyStamp,
            Snapshot(SiteSettingsEditModel.From(current)), Snapshot(SiteSettingsEditModel.From(proposed)));
    }

    /// <summary>Display name → value as text, for the audit entry and the conflict table.</summary>
    private static Dictionary<string, string?> Snapshot(SiteSettingsEditModel model) =>
        Fields.ToDictionary(
            p => p.GetCustomAttribute<DisplayAttribute>()!.Name!,
            p => (string?)(Convert.ToString(p.GetValue(model), CultureInfo.InvariantCulture) ?? ""));
}
