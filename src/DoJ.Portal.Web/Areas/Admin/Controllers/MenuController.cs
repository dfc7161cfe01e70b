using DoJ.Portal.Data;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The main menu (administrators only): items, one level of nesting, order, and a preview of the public menu.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route("quan-tri/menu")]
public sealed class MenuController(MenuEditor editor, PortalDbContext db) : AdminControllerBase
{
    private const string ListPath = "/quan-tri/menu";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new MenuListViewModel(await editor.ListAsync(cancellationToken), null));

    [HttpGet("tao")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new MenuItemEditModel(), cancellationToken));

    [HttpPost("tao")]
    public async Task<IActionResult> Create(MenuItemEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.CreateAsync(model, User, cancellationToken) : null;
        if (result?.Outcome != EditOutcome.Saved)
        {
            ShowError(result);
            return View("Edit", await FormAsync(null, model, cancellationToken));
        }

        Flash("Đã thêm mục vào menu.");
        return LocalRedirect(ListPath);
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var item = await db.MenuItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return item is null ? NotFound() : View(await FormAsync(id, MenuEditor.ToModel(item), cancellationToken));
    }

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, MenuItemEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.UpdateAsync(id, model, User, cancellationToken) : null;
        if (result?.Outcome == EditOutcome.NotFound)
        {
            return NotFound();
        }

        if (result?.Outcome != EditOutcome.Saved)
        {
            ShowError(result);
            return await db.MenuItems.AnyAsync(m => m.Id == id, cancellationToken) ? View(await FormAsync(id, model, cancellationToken)) : NotFound();
        }

        Flash("Đã lưu mục menu.");
        return LocalRedirect(ListPath);
    }

    [HttpPost("{id:int}/len")]
    public Task<IActionResult> MoveUp(int id, CancellationToken cancellationToken) => MoveAsync(id, -1, cancellationToken);

    [HttpPost("{id:int}/xuong")]
    public Task<IActionResult> MoveDown(int id, CancellationToken cancellationToken) => MoveAsync(id, 1, cancellationToken);

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteAsync(id, User, cancellationToken);
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Saved:
                Flash("Đã xóa mục menu.");
                return LocalRedirect(ListPath);
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Index", new MenuListViewModel(await editor.ListAsync(cancellationToken), result.Error));
        }
    }

    private async Task<IActionResult> MoveAsync(int id, int offset, CancellationToken cancellationToken)
    {
        var result = await editor.MoveAsync(id, offset, User, cancellationToken);
        return result.Outcome == EditOutcome.NotFound ? NotFound() : LocalRedirect($"{ListPath}#muc-{id}");
    }

    private async Task<MenuFormViewModel> FormAsync(int? id, MenuItemEditModel model, CancellationToken cancellationToken)
    {
        var (categories, pages, parents) = await editor.OptionsAsync(id, cancellationToken);
        return new MenuFormViewModel(id, model, categories, pages, parents);
    }
}
