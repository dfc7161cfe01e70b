namespace DoJ.Portal.Web.Editing;

/// <summary>The saved revisions of an article or a static page, newest first, for the revisions screen.</summary>
public sealed record RevisionHistory<TRevision>(string Title, IReadOnlyList<TRevision> Revisions);
