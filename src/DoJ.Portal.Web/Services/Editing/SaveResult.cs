namespace DoJ.Portal.Web.Services.Editing;

/// <summary>The outcome of an admin save of a simple record (no revisions or concurrency stamp): its id, or which field was wrong and why.</summary>
public sealed record SaveResult(EditOutcome Outcome, int Id = 0, string? Error = null, string? Field = null)
{
    public static readonly SaveResult NotFound = new(EditOutcome.NotFound);

    public bool Succeeded => Outcome == EditOutcome.Saved;

    public static SaveResult Ok(int id) => new(EditOutcome.Saved, id);

    public static SaveResult Invalid(string field, string error) => new(EditOutcome.Invalid, Error: error, Field: field);
}
