namespace DoJ.Portal.Web.Editing;

/// <summary>How an editor service's action ended; the admin controllers turn each into one kind of response.</summary>
public enum EditOutcome
{
    /// <summary>Done (or nothing needed doing).</summary>
    Saved,
    NotFound,
    Forbidden,

    /// <summary>Someone else saved the record after the form was loaded; <see cref="EditResult.Conflict"/> says what differs.</summary>
    Conflict,

    /// <summary>A field of the form is wrong; <see cref="EditResult.Field"/> names it.</summary>
    Invalid,

    /// <summary>The record's state forbids it (a category that still has articles, a transition from the wrong state…).</summary>
    Refused,
}

/// <summary>
/// What every editor service answers for a change (create, update, move, delete, a transition): the outcome,
/// the record's id, the Vietnamese reason for a refusal and, for a stale save, what the other person changed.
/// <see cref="Notice"/> is a message worth showing instead of the screen's usual one (e.g. the redirect a rename left).
/// </summary>
public record EditResult(EditOutcome Outcome, int Id = 0, string? Error = null, string? Field = null, EditConflict? Conflict = null, string? Notice = null)
{
    public static readonly EditResult NotFound = new(EditOutcome.NotFound);

    public static readonly EditResult Forbidden = new(EditOutcome.Forbidden);

    public bool Succeeded => Outcome == EditOutcome.Saved;

    public static EditResult Ok(int id, string? notice = null) => new(EditOutcome.Saved, id, Notice: notice);

    public static EditResult Invalid(string field, string error) => new(EditOutcome.Invalid, Field: field, Error: error);

    public static EditResult Refused(string error, int id = 0) => new(EditOutcome.Refused, id, Error: error);

    /// <summary>A stale save: the fields where the saved record (theirs) and the form (yours) differ, as <see cref="FieldDiff"/> snapshots.</summary>
    public static EditResult Conflicted(int id, string savedBy, DateTime savedAtUtc, Guid currentStamp,
        IReadOnlyDictionary<string, string?> theirs, IReadOnlyDictionary<string, string?> yours) =>
        new(EditOutcome.Conflict, id, Conflict: new EditConflict(savedBy, savedAtUtc, FieldDiff.Conflicts(theirs, yours), currentStamp));

    /// <summary>A record loaded for a form or a screen, or why it cannot be shown.</summary>
    public static EditResult<T> Found<T>(T value) => new(EditOutcome.Saved, value);

    /// <summary>The same outcome carrying no value, for a load that did not find or may not show its record.</summary>
    public EditResult<T> As<T>() => new(Outcome, default, Id, Error, Field, Conflict, Notice);
}

/// <summary>An <see cref="EditResult"/> with what the action produced or loaded (a form's model, a one-time password…).</summary>
public sealed record EditResult<T>(EditOutcome Outcome, T? Value, int Id = 0, string? Error = null, string? Field = null, EditConflict? Conflict = null, string? Notice = null)
    : EditResult(Outcome, Id, Error, Field, Conflict, Notice);
