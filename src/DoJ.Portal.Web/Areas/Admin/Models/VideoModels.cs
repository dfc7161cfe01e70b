using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record VideoAdminListViewModel(PagedList<VideoAdminItem> Videos, VideoAdminFilter Filter);

public sealed record VideoFormViewModel(int? Id, VideoEditModel Form, ArticleState? State, string? Slug, bool CanPublish, EditConflict? Conflict, string MaxUploadText, IReadOnlyList<PosterChoice> Posters, ReturnedNote? Returned = null);
