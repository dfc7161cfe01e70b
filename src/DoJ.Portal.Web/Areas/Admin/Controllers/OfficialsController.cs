using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The officials of the leadership and contact pages (administrators): list, create, edit, order, publish/unpublish, delete.</summary>
[Authorize(Policy = PortalPolicies.Administrators)]
[Route(AdminUrls.Officials)]
public sealed class OfficialsController(OfficialEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editor.ListAsync(cancellationToken));

    [HttpGet(AdminUrls.Routes.New)]
    public IActionResult Create() => View("Edit", new OfficialFormViewModel(null, new OfficialEditModel { IsPublished = true }, null));

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> Create(OfficialEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), Row, Saved(model), () => FormAsync(null, model, null));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), form => View("Edit", new OfficialFormViewModel(id, form, null)));

    /// <summary>A stale save shows the form again (409) with what the other person changed and the current stamp.</summary>
    [HttpPost(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, OfficialEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        Task<IActionResult> Form(EditConflict? conflict)
        {
            if (conflict is not null)
            {
                model.ConcurrencyStamp = conflict.CurrentStamp;
            }

            return FormAsync(id, model, conflict);
        }

        return ModelState.IsValid
            ? await RespondAsync(await editor.UpdateAsync(id, model, User, cancellationToken), Row, Saved(model), result => Form(result.Conflict))
            : await Form(null);
    }

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SetPublishedAsync(id, publish: true, User, cancellationToken), Row, "Đã xuất bản.");

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public async Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SetPublishedAsync(id, publish: false, User, cancellationToken), Row, "Đã gỡ khỏi trang công khai.");

    [HttpPost(AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, -1, User, cancellationToken), AdminUrls.Officials, "can-bo-");

    [HttpPost(AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, 1, User, cancellationToken), AdminUrls.Officials, "can-bo-");

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.Officials, "Đã xóa.");

    private static string Row(EditResult result) => AdminUrls.At(AdminUrls.Officials, $"can-bo-{result.Id}");

    private static string Saved(OfficialEditModel model) => $"Đã lưu “{model?.FullName?.Trim()}”.";

    private Task<IActionResult> FormAsync(int? id, OfficialEditModel model, EditConflict? conflict) =>
        Task.FromResult<IActionResult>(View("Edit", new OfficialFormViewModel(id, model, conflict)));
}
