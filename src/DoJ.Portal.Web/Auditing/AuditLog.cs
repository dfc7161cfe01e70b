using System.Security.Claims;
using System.Text.Json;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Auditing;

namespace DoJ.Portal.Web.Auditing;

/// <summary>Who did what to which record and when, with the values changed. Entries are only ever added.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Adds an entry to the context; it is saved with the change it describes (same SaveChanges).</summary>
    public void Record(ClaimsPrincipal user, string action, string entityType, string entityId, string summary, IReadOnlyDictionary<string, (object? Old, object? New)>? changes = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            UserName = Truncate(user.Identity?.Name ?? "hệ thống", AuditEntry.UserNameMaxLength),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = Truncate(summary, AuditEntry.SummaryMaxLength),
            Changes = JsonSerializer.Serialize(
                (changes ?? new Dictionary<string, (object?, object?)>()).ToDictionary(c => c.Key, c => new { old = Short(c.Value.Old), @new = Short(c.Value.New) }),
                Json),
        });
    }

    /// <summary>
    /// Records and saves at once, for a change that Identity has already saved on its own (a role, a lock, a second factor):
    /// the entry is the only write left.
    /// </summary>
    public async Task RecordNowAsync(ClaimsPrincipal user, string action, string entityType, string entityId, string summary,
        IReadOnlyDictionary<string, (object? Old, object? New)>? changes = null, CancellationToken cancellationToken = default)
    {
        Record(user, action, entityType, entityId, summary, changes);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static object? Short(object? value) => value is string s && s.Length > 2000 ? s[..2000] + "…" : value;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
