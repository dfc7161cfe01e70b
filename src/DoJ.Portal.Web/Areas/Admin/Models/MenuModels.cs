using System.ComponentModel.DataAnnotations;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Areas.Admin.Models;

public sealed record MenuListViewModel(IReadOnlyList<MenuItemRow> Items, string? Error);

public sealed record MenuFormViewModel(
    int? Id,
    MenuItemEditModel Form,
    IReadOnlyList<MenuOption> Categories,
    IReadOnlyList<MenuOption> Pages,
    IReadOnlyList<MenuOption> Parents);

