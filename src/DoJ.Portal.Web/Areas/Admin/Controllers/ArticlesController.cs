using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

[Route("quan-tri/bai-viet")]
public sealed class ArticlesController(
    ArticleEditor editor,
    ArticleAdminRepository list,
    ContentRepository content,
    PortalDbContext db,
    TimeProvider clock) : AdminControllerBase
{
    public const int PageSize = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery(Name = "tu-khoa")] string? words, [FromQuery(Name = "chuyen-muc")] int? categoryId,
        [FromQuery(Name = "trang-thai")] ArticleState? state, [FromQuery(Name = "tac-gia")] string? author,
        [FromQuery(Name = "sap-xep")] ArticleSort? sort, [FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new ArticleAdminFilter(Clip(words), categoryId, state, Clip(author), InBin: false, Sort: sort ?? ArticleSort.Updated), trang, cancellationToken);

    [HttpGet("/quan-tri/thung-rac")]
    [Microsoft.AspNetCore.Authorization.Authorize(Policy = PortalPolicies.Editors)]
    public Task<IActionResult> Bin([FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new ArticleAdminFilter(null, null, null, null, InBin: true), trang, cancellationToken);

    [HttpGet("tao")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new ArticleEditModel { Author = User.Identity?.Name ?? "" }, null, null, cancellationToken));

    [HttpPost("tao")]
    [RequestSizeLimit(RequestBodyLimits.Editor)]
    public async Task<IActionResult> Create(ArticleEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View("Edit", await FormAsync(null, model, null, null, cancellationToken));
        }

        var result = await editor.CreateAsync(model, User, cancellationToken);
        return await AfterSaveAsync(result, null, model, then, cancellationToken);
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        return !ArticleEditor.CanEdit(User, article)
            ? Forbid()
            : View(await FormAsync(id, ArticleEditor.ToModel(article), article.StateAt(Now), null, cancellationToken));
    }

    [HttpPost("{id:int}/sua")]
    [RequestSizeLimit(RequestBodyLimits.Editor)]
    public async Task<IActionResult> Edit(int id, ArticleEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(await FormAsync(id, model, await StateAsync(id, cancellationToken), null, cancellationToken));
        }

        var result = await editor.UpdateAsync(id, model, User, cancellationToken);
        return await AfterSaveAsync(result, id, model, then, cancellationToken);
    }

    [HttpPost("{id:int}/gui-duyet")]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Submit, null, cancellationToken);

    [HttpPost("{id:int}/xuat-ban")]
    public async Task<IActionResult> Publish(int id, [FromForm(Name = "xuat-ban-luc")] string? publishAt, CancellationToken cancellationToken) =>
        ArticleEditor.TryParsePublishAt(publishAt, out var at)
            ? await TransitionAsync(id, ArticleTransition.Publish, at, cancellationToken)
            : BadRequest();

    [HttpPost("{id:int}/go-xuong")]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Unpublish, null, cancellationToken);

    [HttpPost("{id:int}/xoa")]
    public Task<IActionResult> Delete(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Delete, null, cancellationToken);

    [HttpPost("{id:int}/khoi-phuc")]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Restore, null, cancellationToken);

    [HttpPost("{id:int}/xoa-vinh-vien")]
    public Task<IActionResult> Purge(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Purge, null, cancellationToken);

    [HttpGet("{id:int}/phien-ban")]
    public async Task<IActionResult> Revisions(int id, [FromQuery(Name = "xem")] long? show, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        return !ArticleEditor.CanEdit(User, article)
            ? Forbid()
            : View(new RevisionsViewModel(id, article.Title, await list.ListRevisionsAsync(id, cancellationToken), show));
    }

    [HttpPost("{id:int}/phien-ban/{revisionId:long}/khoi-phuc")]
    public async Task<IActionResult> RestoreRevision(int id, long revisionId, CancellationToken cancellationToken)
    {
        var result = await editor.RestoreRevisionAsync(id, revisionId, User, cancellationToken);
        return Outcome(result, "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).", $"/quan-tri/bai-viet/{id}/sua");
    }

    private async Task<IActionResult> ListAsync(ArticleAdminFilter filter, string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var articles = await list.ListAsync(filter, page, PageSize, Now, cancellationToken);
        var categories = await content.ListCategoriesAsync(cancellationToken);
        return View("Index", new ArticleListViewModel(articles, categories, filter.Words, filter.CategoryId, filter.State, filter.Author, filter.InBin, Now, filter.Sort));
    }

    private async Task<IActionResult> AfterSaveAsync(EditResult result, int? id, ArticleEditModel model, string? then, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case EditOutcome.Invalid:
                ModelState.AddModelError(result.Field ?? "", result.Error ?? "Dữ liệu không hợp lệ.");
                return View("Edit", await FormAsync(id, model, id is null ? null : await StateAsync(id.Value, cancellationToken), null, cancellationToken));
            case EditOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                model.ConcurrencyStamp = result.Conflict!.CurrentStamp;
                return View("Edit", await FormAsync(id, model, await StateAsync(result.Id, cancellationToken), result.Conflict, cancellationToken));
            case EditOutcome.Saved:
                if (then == "gui-duyet")
                {
                    return await TransitionAsync(result.Id, ArticleTransition.Submit, null, cancellationToken);
                }

                if (then == "xuat-ban")
                {
                    // The form was validated by the save: the time parses.
                    return await TransitionAsync(result.Id, ArticleTransition.Publish, ArticleEditor.TryParsePublishAt(model.PublishAt, out var at) ? at : null, cancellationToken);
                }

                return Outcome(result, "Đã lưu bài viết.", $"/quan-tri/bai-viet/{result.Id}/sua");
            default:
                return Outcome(result, "", "/quan-tri/bai-viet");
        }
    }

    private async Task<IActionResult> TransitionAsync(int id, ArticleTransition transition, DateTime? publishAt, CancellationToken cancellationToken)
    {
        var result = await editor.TransitionAsync(id, transition, User, publishAt, cancellationToken);
        var target = transition is ArticleTransition.Purge or ArticleTransition.Delete ? "/quan-tri/bai-viet" : $"/quan-tri/bai-viet/{id}/sua";
        if (result.Outcome == EditOutcome.Invalid)
        {
            Flash(result.Error ?? "Không thể thực hiện thao tác.");
            return LocalRedirect(transition == ArticleTransition.Purge ? "/quan-tri/thung-rac" : $"/quan-tri/bai-viet/{id}/sua");
        }

        return Outcome(result, $"Đã thực hiện: {transition.ToVietnamese()}.", target);
    }

    private async Task<ArticleFormViewModel> FormAsync(int? id, ArticleEditModel model, ArticleState? state, EditConflict? conflict, CancellationToken cancellationToken) =>
        new(id, model, await content.ListCategoriesAsync(cancellationToken), state, ArticleEditor.CanPublish(User), conflict);

    private async Task<ArticleState?> StateAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article?.StateAt(Now);
    }

    private static string? Clip(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
