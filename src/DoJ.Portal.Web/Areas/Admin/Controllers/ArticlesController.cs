using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

[Route(AdminUrls.Articles)]
public sealed class ArticlesController(ArticleEditor editor, TimeProvider clock) : AdminControllerBase
{
    public const int PageSize = 20;

    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery(Name = "tu-khoa")] string? words, [FromQuery(Name = "chuyen-muc")] int? categoryId,
        [FromQuery(Name = "trang-thai")] ArticleState? state, [FromQuery(Name = "tac-gia")] string? author,
        [FromQuery(Name = "sap-xep")] ArticleSort? sort, [FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new ArticleAdminFilter(Clip(words), categoryId, state, Clip(author), InBin: false, Sort: sort ?? ArticleSort.Updated), trang, cancellationToken);

    [HttpGet(AdminUrls.Bin)]
    [Authorize(Policy = PortalPolicies.Editors)]
    public Task<IActionResult> Bin([FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new ArticleAdminFilter(null, null, null, null, InBin: true), trang, cancellationToken);

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, await editor.NewAsync(User, cancellationToken), null, null, cancellationToken));

    [HttpPost(AdminUrls.Routes.New)]
    [AcceptsAttachments]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Create(ArticleEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(null, model, then, () => editor.CreateAsync(model, User, cancellationToken), cancellationToken);

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, User, cancellationToken), async form => View(await FormAsync(id, form.Model, form.State, null, cancellationToken, form)));

    [HttpPost(AdminUrls.Routes.Edit)]
    [AcceptsAttachments]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Edit(int id, ArticleEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(id, model, then, () => editor.UpdateAsync(id, model, User, cancellationToken), cancellationToken);

    [HttpPost(AdminUrls.Routes.Submit)]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Submit, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, [FromForm(Name = "xuat-ban-luc")] string? publishAt, CancellationToken cancellationToken) =>
        PublishTime.TryParse(publishAt, out var at)
            ? await TransitionAsync(id, ArticleTransition.Publish, at, cancellationToken)
            : BadRequest();

    /// <summary>Chờ duyệt → Nháp with a note for the author (editors only; the note is required).</summary>
    [HttpPost(AdminUrls.Routes.SendBack)]
    [Authorize(Policy = PortalPolicies.Editors)]
    public async Task<IActionResult> SendBack(int id, [FromForm(Name = "ghi-chu")] string? note, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SendBackAsync(id, note, User, cancellationToken), AdminUrls.Edit(AdminUrls.Articles, id), "Đã trả lại bài cho tác giả.");

    /// <summary>
    /// The article in the public layout whatever its state, for staff who may edit it: never indexed, never stored by
    /// a cache (the admin area has no page cache; the headers say so to proxies and browsers too).
    /// </summary>
    [HttpGet(AdminUrls.Routes.Preview)]
    public async Task<IActionResult> Preview(int id, CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(await editor.PreviewAsync(id, User, cancellationToken), preview => View(preview));
    }

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
        await ShowAsync(await editor.LoadRevisionsAsync(id, User, cancellationToken), history => View(new RevisionsViewModel(id, history.Title, history.Revisions, show)));

    [HttpPost(AdminUrls.Routes.RestoreRevision)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public async Task<IActionResult> RestoreRevision(int id, long revisionId, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.RestoreRevisionAsync(id, revisionId, User, cancellationToken), AdminUrls.Edit(AdminUrls.Articles, id),
            "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).");

    private async Task<IActionResult> ListAsync(ArticleAdminFilter filter, string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var articles = await editor.ListAsync(filter, page, PageSize, cancellationToken);
        var categories = await editor.CategoriesAsync(cancellationToken);
        return View("Index", new ArticleListViewModel(articles, categories, filter.Words, filter.CategoryId, filter.State, filter.Author, filter.InBin,
            clock.GetUtcNow().UtcDateTime, filter.Sort));
    }

    /// <summary>
    /// A save from the form; its "save and submit" and "save and publish" buttons (<paramref name="then"/>) go on to that
    /// transition once the save succeeded. A refused field or a stale save shows the form again.
    /// </summary>
    private async Task<IActionResult> SaveAsync(int? id, ArticleEditModel model, string? then, Func<Task<EditResult>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        async Task<IActionResult> Form(EditResult? result)
        {
            if (result?.Conflict is { } conflict)
            {
                model.ConcurrencyStamp = conflict.CurrentStamp;
            }

            var state = result is { Outcome: EditOutcome.Conflict } ? await editor.StateAsync(result.Id, cancellationToken)
                : id is null ? null : await editor.StateAsync(id.Value, cancellationToken);
            return View("Edit", await FormAsync(id, model, state, result?.Conflict, cancellationToken));
        }

        if (!ModelState.IsValid)
        {
            return await Form(null);
        }

        var result = await save();
        return (result.Succeeded, then) switch
        {
            (true, "gui-duyet") => await TransitionAsync(result.Id, ArticleTransition.Submit, null, cancellationToken),
            // The form was validated by the save: the time parses.
            (true, "xuat-ban") => await TransitionAsync(result.Id, ArticleTransition.Publish,
                PublishTime.TryParse(model.PublishAt, out var at) ? at : null, cancellationToken),
            _ => await RespondAsync(result, r => AdminUrls.Edit(AdminUrls.Articles, r.Id), "Đã lưu bài viết.", Form, otherwise: AdminUrls.Articles),
        };
    }

    /// <summary>A workflow step; a refused one says why on the article's form (the bin, for a purge).</summary>
    private async Task<IActionResult> TransitionAsync(int id, ArticleTransition transition, DateTime? publishAt, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.TransitionAsync(id, transition, User, publishAt, cancellationToken),
            transition is ArticleTransition.Purge or ArticleTransition.Delete ? AdminUrls.Articles : AdminUrls.Edit(AdminUrls.Articles, id),
            $"Đã thực hiện: {transition.ToVietnamese()}.",
            otherwise: transition == ArticleTransition.Purge ? AdminUrls.Bin : AdminUrls.Edit(AdminUrls.Articles, id));

    private async Task<ArticleFormViewModel> FormAsync(int? id, ArticleEditModel model, ArticleState? state, EditConflict? conflict, CancellationToken cancellationToken,
        ArticleForm? saved = null) =>
        new(id, model, await editor.CategoriesAsync(cancellationToken), state, ArticleEditor.CanPublish(User), conflict)
        {
            Albums = await editor.AlbumsAsync(cancellationToken),
            LeadImage = await editor.LeadImageAsync(model, cancellationToken),
            ReturnNote = saved?.ReturnNote,
            ReturnedAtUtc = saved?.ReturnedAtUtc,
        };

    private static string? Clip(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
