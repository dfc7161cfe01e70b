using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Categories (administrators only): list, create, edit, hide, reorder, delete when empty.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.Categories)]
public sealed class CategoriesController(CategoryEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => await ListAsync(null, cancellationToken);

    [HttpGet(AdminUrls.Routes.New)]
    public IActionResult Create() => View("Edit", new CategoryFormViewModel(null, null, new CategoryEditModel()));

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> Create(CategoryEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), _ => AdminUrls.Categories, "Đã tạo chuyên mục.",
            () => Task.FromResult<IActionResult>(View("Edit", new CategoryFormViewModel(null, null, model))));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), form => View(new CategoryFormViewModel(id, form.Slug, form)));

    [HttpPost(AdminUrls.Routes.Edit)]
    public Task<IActionResult> Edit(int id, CategoryEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.UpdateAsync(id, model, User, cancellationToken), _ => AdminUrls.Categories, "Đã lưu chuyên mục.",
            async () => await ShowAsync(await editor.LoadAsync(id, cancellationToken), saved => View(new CategoryFormViewModel(id, saved.Slug, model))));

    [HttpPost(AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, -1, User, cancellationToken), AdminUrls.Categories, "chuyen-muc-");

    [HttpPost(AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, 1, User, cancellationToken), AdminUrls.Categories, "chuyen-muc-");

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.Categories, "Đã xóa chuyên mục.",
            refused => ListAsync(refused.Error, cancellationToken));

    private async Task<IActionResult> ListAsync(string? error, CancellationToken cancellationToken) =>
        View("Index", new CategoryListViewModel(await editor.ListAsync(cancellationToken), error));
}
