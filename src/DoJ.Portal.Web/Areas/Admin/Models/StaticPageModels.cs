using DoJ.Portal.Domain.Content;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record StaticPageListViewModel(IReadOnlyList<StaticPageListItem> Pages);

/// <summary>The create or edit form; <paramref name="PublicPath"/> is set while the saved page is published.</summary>
public sealed record StaticPageFormViewModel(int? Id, StaticPageEditModel Form, EditConflict? Conflict, string? PublicPath);

public sealed record StaticPageRevisionsViewModel(int PageId, string Title, IReadOnlyList<StaticPageRevision> Revisions, long? ShowRevisionId);
