using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record AlbumAdminListViewModel(PagedList<AlbumAdminItem> Albums, AlbumAdminFilter Filter);

/// <summary>The album form: its fields and photo rows, the library images those rows show, and a stale save's differences.</summary>
public sealed record AlbumFormViewModel(
    int? Id,
    AlbumEditModel Form,
    IReadOnlyDictionary<int, ImageRef> Images,
    ArticleState? State,
    string? Slug,
    bool CanPublish,
    EditConflict? Conflict,
    ReturnedNote? Returned = null);
