namespace DoJ.Portal.Web.Editing;

public enum EditOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Conflict,
    Invalid,
}

public sealed record FieldChange(string Field, string Theirs, string Yours);

/// <summary>Someone else saved the record after the form was loaded: who, when, and what differs.</summary>
public sealed record EditConflict(string SavedBy, DateTime SavedAtUtc, IReadOnlyList<FieldChange> Changes, Guid CurrentStamp);

/// <summary>What an editor service answers for a save or an action on an article or a static page.</summary>
public sealed record EditResult(EditOutcome Outcome, int Id = 0, string? Error = null, string? Field = null, EditConflict? Conflict = null)
{
    public static EditResult Ok(int id) => new(EditOutcome.Saved, id);

    public static EditResult Invalid(string field, string error) => new(EditOutcome.Invalid, Field: field, Error: error);

    public static readonly EditResult NotFound = new(EditOutcome.NotFound);
}
