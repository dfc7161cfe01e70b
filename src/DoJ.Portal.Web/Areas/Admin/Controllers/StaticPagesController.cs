using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Static pages (Giới thiệu, Liên hệ, About us, the privacy notice): Editors and Administrators.</summary>
[Route(AdminUrls.Pages)]
[Authorize(Policy = PortalPolicies.Editors)]
public sealed class StaticPagesController(StaticPageEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new StaticPageListViewModel(await editor.ListAsync(cancellationToken)));

    [HttpGet(AdminUrls.Routes.New)]
    public IActionResult Create() => View("Edit", new StaticPageFormViewModel(null, new StaticPageEditModel(), null, null));

    [HttpPost(AdminUrls.Routes.New)]
    [AcceptsAttachments]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Create(StaticPageEditModel model, CancellationToken cancellationToken) =>
        SaveAsync(() => editor.CreateAsync(model, User, cancellationToken), Saved, "Đã lưu trang.",
            () => Task.FromResult<IActionResult>(View("Edit", new StaticPageFormViewModel(null, model, null, null))));

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, cancellationToken), form => View("Edit", new StaticPageFormViewModel(id, form.Model, null, form.PublicPath)));

    /// <summary>A stale save shows the form again with what the other person changed, and the current stamp to overwrite knowingly.</summary>
    [HttpPost(AdminUrls.Routes.Edit)]
    [AcceptsAttachments]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public async Task<IActionResult> Edit(int id, StaticPageEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        async Task<IActionResult> Form(EditConflict? conflict)
        {
            if (conflict is not null)
            {
                model.ConcurrencyStamp = conflict.CurrentStamp;
            }

            return await ShowAsync(await editor.LoadAsync(id, cancellationToken), saved => View("Edit", new StaticPageFormViewModel(id, model, conflict, saved.PublicPath)));
        }

        return ModelState.IsValid
            ? await RespondAsync(await editor.UpdateAsync(id, model, User, cancellationToken), Saved, "Đã lưu trang.", result => Form(result.Conflict))
            : await Form(null);
    }

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SetPublishedAsync(id, publish: true, User, cancellationToken), AdminUrls.Pages, "Đã xuất bản trang.");

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public async Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SetPublishedAsync(id, publish: false, User, cancellationToken), AdminUrls.Pages, "Đã gỡ trang xuống.");

    [HttpPost(AdminUrls.Routes.Delete)]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.DeleteAsync(id, User, cancellationToken), AdminUrls.Pages, "Đã xóa trang.");

    [HttpGet(AdminUrls.Routes.Revisions)]
    public async Task<IActionResult> Revisions(int id, [FromQuery(Name = "xem")] long? show, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadRevisionsAsync(id, cancellationToken), history => View(new StaticPageRevisionsViewModel(id, history.Title, history.Revisions, show)));

    [HttpPost(AdminUrls.Routes.RestoreRevision)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public async Task<IActionResult> RestoreRevision(int id, long revisionId, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.RestoreRevisionAsync(id, revisionId, User, cancellationToken), AdminUrls.Edit(AdminUrls.Pages, id),
            "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).");

    private static string Saved(EditResult result) => AdminUrls.Edit(AdminUrls.Pages, result.Id);
}
