using DoJ.Portal.Data.Repositories;

namespace DoJ.Portal.Web.Models;

public sealed record HomeViewModel(IReadOnlyList<ArticleListItem> Latest);
