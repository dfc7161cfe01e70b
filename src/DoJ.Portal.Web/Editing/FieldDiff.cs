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

