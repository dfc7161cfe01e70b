using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record CategoryListViewModel(IReadOnlyList<CategoryRow> Categories, string? Error);

public sealed record CategoryFormViewModel(int? Id, string? CurrentSlug, CategoryEditModel Form);

