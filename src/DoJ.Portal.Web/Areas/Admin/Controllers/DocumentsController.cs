using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The document register's records: list and recycle bin, create, edit, the workflow, revisions.</summary>
[Route(AdminUrls.Documents)]
public sealed class DocumentsController(LegalDocumentEditor editor) : AdminControllerBase
{
    public const int PageSize = 20;

    /// <summary><c>/quan-tri/van-ban/thung-rac</c>: the documents in the recycle bin.</summary>
    public const string BinSegment = "thung-rac";

    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery(Name = "tu-khoa")] string? words, [FromQuery(Name = "loai")] int? typeId,
        [FromQuery(Name = "trang-thai")] ArticleState? state, [FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new LegalDocumentAdminFilter(words is { Length: > 200 } ? words[..200] : words, typeId, state, InBin: false), trang, cancellationToken);

    [HttpGet(BinSegment)]
    public Task<IActionResult> Bin([FromQuery] string? trang, CancellationToken cancellationToken) =>
        LegalDocumentEditor.CanPublish(User)
            ? ListAsync(new LegalDocumentAdminFilter(null, null, null, InBin: true), trang, cancellationToken)
            : Task.FromResult<IActionResult>(Forbid());

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new LegalDocumentEditModel(), null, null, null, cancellationToken));

    [HttpPost(AdminUrls.Routes.New)]
    [AcceptsAttachments]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Create(LegalDocumentEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(null, model, then, () => editor.CreateAsync(model, User, cancellationToken), cancellationToken);

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, User, cancellationToken),
            async form => View(await FormAsync(id, form.Model, form.State, form.Slug, null, cancellationToken)));

    [HttpPost(AdminUrls.Routes.Edit)]
    [AcceptsAttachments]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Edit(int id, LegalDocumentEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(id, model, then, () => editor.UpdateAsync(id, model, User, cancellationToken), cancellationToken);

    [HttpPost(AdminUrls.Routes.Submit)]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Submit, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, [FromForm(Name = "xuat-ban-luc")] string? publishAt, CancellationToken cancellationToken) =>
        PublishTime.TryParse(publishAt, out var at)
            ? await TransitionAsync(id, ArticleTransition.Publish, at, cancellationToken)
            : BadRequest();

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Unpublish, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Delete)]
    public Task<IActionResult> Delete(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Delete, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Restore)]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Restore, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Purge)]
    public Task<IActionResult> Purge(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Purge, null, cancellationToken);

    [HttpGet(AdminUrls.Routes.Revisions)]
    public async Task<IActionResult> Revisions(int id, [FromQuery(Name = "xem")] long? show, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadRevisionsAsync(id, User, cancellationToken),
            history => View(new DocumentRevisionsViewModel(id, history.Title, history.Revisions, show)));

    [HttpPost(AdminUrls.Routes.RestoreRevision)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public async Task<IActionResult> RestoreRevision(int id, long revisionId, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.RestoreRevisionAsync(id, revisionId, User, cancellationToken), AdminUrls.Edit(AdminUrls.Documents, id),
            "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).");

    private async Task<IActionResult> ListAsync(LegalDocumentAdminFilter filter, string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        return View("Index", new DocumentListViewModel(await editor.ListAsync(filter, page, PageSize, cancellationToken), await editor.TermsAsync(cancellationToken), filter));
    }

    /// <summary>A save from the form; "save and submit" / "save and publish" (<paramref name="then"/>) go on to that step once saved.</summary>
    private async Task<IActionResult> SaveAsync(int? id, LegalDocumentEditModel model, string? then, Func<Task<EditResult>> save, CancellationToken cancellationToken)
    {
        async Task<IActionResult> Form(EditResult? result)
        {
            if (result?.Conflict is { } conflict)
            {
                model.ConcurrencyStamp = conflict.CurrentStamp;
            }

            var state = id is null ? null : await editor.StateAsync(id.Value, cancellationToken);
            return View("Edit", await FormAsync(id, model, state, null, result?.Conflict, cancellationToken));
        }

        if (!ModelState.IsValid)
        {
            return await Form(null);
        }

        var result = await save();
        return (result.Succeeded, then) switch
        {
            (true, "gui-duyet") => await TransitionAsync(result.Id, ArticleTransition.Submit, null, cancellationToken),
            (true, "xuat-ban") => await TransitionAsync(result.Id, ArticleTransition.Publish,
                PublishTime.TryParse(model.PublishAt, out var at) ? at : null, cancellationToken),
            _ => await RespondAsync(result, r => AdminUrls.Edit(AdminUrls.Documents, r.Id), "Đã lưu văn bản.", Form, otherwise: AdminUrls.Documents),
        };
    }

    private async Task<IActionResult> TransitionAsync(int id, ArticleTransition transition, DateTime? publishAt, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.TransitionAsync(id, transition, User, publishAt, cancellationToken),
            transition is ArticleTransition.Purge or ArticleTransition.Delete ? AdminUrls.Documents : AdminUrls.Edit(AdminUrls.Documents, id),
            $"Đã thực hiện: {transition.ToVietnamese()}.",
            otherwise: transition == ArticleTransition.Purge ? $"{AdminUrls.Documents}/{BinSegment}" : AdminUrls.Edit(AdminUrls.Documents, id));

    private async Task<DocumentFormViewModel> FormAsync(int? id, LegalDocumentEditModel model, ArticleState? state, string? slug, EditConflict? conflict, CancellationToken cancellationToken) =>
        new(id, model, await editor.TermsAsync(cancellationToken), state, slug, LegalDocumentEditor.CanPublish(User), conflict);
}
