using System.Globalization;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The field-by-field comparisons the editors share: the audit diff of a save and the table a
/// refused (stale) save shows. Records are compared as snapshots: field label → value as text.
/// </summary>
public static class FieldDiff
{
    /// <summary>The fields whose value differs between two snapshots (a field missing on one side counts as empty), as the audit log records them.</summary>
    public static Dictionary<string, (object?, object?)> Between(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Keys.Union(after.Keys)
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))
            .ToDictionary(k => k, k => ((object?)before.GetValueOrDefault(k), (object?)after.GetValueOrDefault(k)));
    }

    /// <summary>A new record: every field goes from nothing to its value.</summary>
    public static Dictionary<string, (object?, object?)> Created(IReadOnlyDictionary<string, string?> after) =>
        Between(new Dictionary<string, string?>(), after);

    /// <summary>A removed record: every field goes from its value to nothing.</summary>
    public static Dictionary<string, (object?, object?)> Deleted(IReadOnlyDictionary<string, string?> before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Between(before, before.ToDictionary(b => b.Key, _ => (string?)null));
    }

    /// <summary>The fields where the saved record (theirs) and the stale form (yours) differ, for the conflict table.</summary>
    public static List<FieldChange> Conflicts(IReadOnlyDictionary<string, string?> theirs, IReadOnlyDictionary<string, string?> yours)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(yours);
        return yours.Where(y => !string.Equals(theirs.GetValueOrDefault(y.Key) ?? "", y.Value ?? "", StringComparison.Ordinal))
            .Select(y => new FieldChange(y.Key, theirs.GetValueOrDefault(y.Key) ?? "", y.Value ?? ""))
            .ToList();
    }

    public static string YesNo(bool value) => value ? "có" : "không";
}

/// <summary>
/// The slug rules of every edited record: made from the title when left empty (a number added until it
/// is free), otherwise well-formed and not taken by another record.
/// </summary>
public static class SlugRules
{
    public const string SlugField = "Slug";
    public const string TitleField = "Title";

    /// <summary>The slug to save, or the reason the form is refused.</summary>
    public static async Task<(string Slug, EditResult? Invalid)> ChooseAsync(
        string title, string? requested, int maxLength, Func<string, Task<bool>> isTaken, string takenMessage)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        if (string.IsNullOrWhiteSpace(requested))
        {
            var made = Slug.From(title, Math.Min(Slug.DefaultMaxLength, maxLength));
            return made.Length == 0
                ? ("", EditResult.Invalid(TitleField, "Tiêu đề cần có chữ hoặc số."))
                : (await UniqueAsync(made, maxLength, isTaken), null);
        }

        var slug = requested.Trim();
        if (!Slug.IsWellFormed(slug, maxLength))
        {
            return ("", EditResult.Invalid(SlugField, "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."));
        }

        return await isTaken(slug) ? ("", EditResult.Invalid(SlugField, takenMessage)) : (slug, null);
    }

    /// <summary><paramref name="slug"/>, or <c>slug-2</c>, <c>slug-3</c>… whichever is free first.</summary>
    public static async Task<string> UniqueAsync(string slug, int maxLength, Func<string, Task<bool>> isTaken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(isTaken);
        var candidate = slug;
        for (var n = 2; await isTaken(candidate); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = slug[..Math.Min(slug.Length, maxLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}

public static class EditingSaves
{
    /// <summary>
    /// The next save of <paramref name="entity"/> updates it only if its stored <c>ConcurrencyStamp</c> is still the one the
    /// form was loaded with: the UPDATE's WHERE carries it, so a save that raced ours affects no row (and fails as a conflict).
    /// </summary>
    public static void ExpectStamp<T>(this PortalDbContext db, T entity, Guid loadedStamp) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        db.Entry(entity).Property<Guid>("ConcurrencyStamp").OriginalValue = loadedStamp;
    }

    /// <summary>Saves; false when another save changed a stamped record in between (nothing of ours is written then).</summary>
    public static async Task<bool> TrySaveAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
