using DoJ.Portal.Data;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Categories (administrators only): list, create, edit, hide, reorder, delete when empty.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route("quan-tri/chuyen-muc")]
public sealed class CategoriesController(CategoryEditor editor, PortalDbContext db) : AdminControllerBase
{
    private const string ListPath = "/quan-tri/chuyen-muc";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new CategoryListViewModel(await editor.ListAsync(cancellationToken), null));

    [HttpGet("tao")]
    public IActionResult Create() => View("Edit", new CategoryFormViewModel(null, null, new CategoryEditModel()));

    [HttpPost("tao")]
    public async Task<IActionResult> Create(CategoryEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = ModelState.IsValid ? await editor.CreateAsync(model, User, cancellationToken) : null;
        if (result?.Outcome != EditOutcome.Saved)
        {
            ShowError(result);
            return View("Edit", new CategoryFormViewModel(null, null, model));
        }

        Flash($"Đã tạo chuyên mục “{model.Name.Trim()}”. Chuyên mục chưa có trên menu chính: thêm mục menu tại trang Menu chính nếu cần.");
        return LocalRedirect(ListPath);
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return category is null ? NotFound() : View(new CategoryFormViewModel(id, category.Slug, CategoryEditor.ToModel(category)));
    }

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CategoryEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slug = await SlugAsync(id, cancellationToken);
        if (slug is null)
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await editor.UpdateAsync(id, model, User, cancellationToken) : null;
        if (result?.Outcome != EditOutcome.Saved)
        {
            ShowError(result);
            return View(new CategoryFormViewModel(id, slug, model));
        }

        var newSlug = await SlugAsync(id, cancellationToken);
        Flash(newSlug == slug
            ? "Đã lưu chuyên mục."
            : $"Đã lưu chuyên mục. Địa chỉ cũ {SiteUrls.Category(slug)} tự chuyển (301) sang {SiteUrls.Category(newSlug!)}.");
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
                Flash("Đã xóa chuyên mục.");
                return LocalRedirect(ListPath);
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Index", new CategoryListViewModel(await editor.ListAsync(cancellationToken), result.Error));
        }
    }

    private async Task<IActionResult> MoveAsync(int id, int offset, CancellationToken cancellationToken)
    {
        var result = await editor.MoveAsync(id, offset, User, cancellationToken);
        return result.Outcome == EditOutcome.NotFound ? NotFound() : LocalRedirect($"{ListPath}#chuyen-muc-{id}");
    }

    private Task<string?> SlugAsync(int id, CancellationToken cancellationToken) =>
        db.Categories.AsNoTracking().Where(c => c.Id == id).Select(c => c.Slug).FirstOrDefaultAsync(cancellationToken);
}
