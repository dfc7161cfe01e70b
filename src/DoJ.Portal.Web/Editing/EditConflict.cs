namespace DoJ.Portal.Web.Editing;

/// <summary>One field of a stale save: the saved value and the form's.</summary>
public sealed record FieldChange(string Field, string Theirs, string Yours);

/// <summary>Someone else saved the record after the form was loaded: who, when, and what differs.</summary>
public sealed record EditConflict(string SavedBy, DateTime SavedAtUtc, IReadOnlyList<FieldChange> Changes, Guid CurrentStamp);
