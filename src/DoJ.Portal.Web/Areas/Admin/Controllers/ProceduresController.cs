using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The procedures directory (editors): list, create, edit, publish/unpublish, order, delete.</summary>
[Authorize(Policy = PortalPolicies.Editors)]
[Route(AdminUrls.Procedures)]
public sealed class ProceduresController(ProcedureEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editor.ListAsync(cancellationToken));

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        await FormAsync(null, new ProcedureEditModel { IsPublished = true }, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.New)]
    public Task<IActionResult> Create(ProcedureEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), Row, Saved(model), () => FormAsync(null, model, null, cancellationToken));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), form => FormAsync(id, form, null, cancellationToken));

    /// <summary>A stale save shows the form again (409) with what the other person changed and the current stamp.</summary>
    [HttpPost(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, ProcedureEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        Task<IActionResult> Form(EditConflict? conflict)
        {
            if (conflict is not null)
            {
                model.ConcurrencyStamp = conflict.CurrentStamp;
            }

            return FormAsync(id, model, conflict, cancellationToken);
        }

        return ModelState.IsValid
            ? await RespondAsync(await editor.UpdateAsync(id, model, User, cancellationToken), Row, Saved(model), result => Form(result.Conflict))
            : await Form(null);
    }

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SetPublishedAsync(id, publish: true, User, cancellationToken), Row, "Đã xuất bản thủ tục.");

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public async Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SetPublishedAsync(id, publish: false, User, cancellationToken), Row, "Đã gỡ thủ tục khỏi danh mục công khai.");

    [HttpPost(AdminUrls.Routes.Up)]
    public async Task<IActionResult> MoveUp(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, -1, User, cancellationToken), AdminUrls.Procedures, "thu-tuc-");

    [HttpPost(AdminUrls.Routes.Down)]
    public async Task<IActionResult> MoveDown(int id, CancellationToken cancellationToken) =>
        await MovedAsync(await editor.MoveAsync(id, 1, User, cancellationToken), AdminUrls.Procedures, "thu-tuc-");

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.Procedures, "Đã xóa thủ tục.");

    private static string Row(EditResult result) => AdminUrls.At(AdminUrls.Procedures, $"thu-tuc-{result.Id}");

    private static string Saved(ProcedureEditModel model) => $"Đã lưu thủ tục “{model?.Name?.Trim()}”.";

    private async Task<IActionResult> FormAsync(int? id, ProcedureEditModel model, EditConflict? conflict, CancellationToken cancellationToken) =>
        View("Edit", new ProcedureFormViewModel(id, model, await editor.FieldsAsync(cancellationToken), conflict));
}
