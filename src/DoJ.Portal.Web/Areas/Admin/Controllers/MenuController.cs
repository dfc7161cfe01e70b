using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The main menu (administrators only): items, one level of nesting, order, and a preview of the public menu.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.Menu)]
public sealed class MenuController(MenuEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ListAsync(null, cancellationToken);

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new MenuItemEditModel(), cancellationToken));

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> Create(MenuItemEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), _ => AdminUrls.Menu, "Đã thêm mục vào menu.",
            async () => View("Edit", await FormAsync(null, model, cancellationToken)));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), async form => View(await FormAsync(id, form, cancellationToken)));

    [HttpPost(AdminUrls.Routes.Edit)]
    public Task<IActionResult> Edit(int id, MenuItemEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.UpdateAsync(id, model, User, cancellationToken), _ => AdminUrls.Menu, "Đã lưu mục menu.",
            async () => await ShowAsync(await editor.LoadAsync(id, cancellationToken), async _ => View(await FormAsync(id, model, cancellationToken))));

    [HttpPost(AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, -1, User, cancellationToken), AdminUrls.Menu, "muc-");

    [HttpPost(AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, 1, User, cancellationToken), AdminUrls.Menu, "muc-");

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.Menu, "Đã xóa mục menu.",
            refused => ListAsync(refused.Error, cancellationToken));

    private async Task<IActionResult> ListAsync(string? error, CancellationToken cancellationToken) =>
        View("Index", new MenuListViewModel(await editor.ListAsync(cancellationToken), error));

    private async Task<MenuFormViewModel> FormAsync(int? id, MenuItemEditModel model, CancellationToken cancellationToken)
    {
        var (categories, pages, parents) = await editor.OptionsAsync(id, cancellationToken);
        return new MenuFormViewModel(id, model, categories, pages, parents);
    }
}
