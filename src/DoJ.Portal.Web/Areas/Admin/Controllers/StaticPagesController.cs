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

/// <summary>Static pages (Giới thiệu, Liên hệ, About us, the privacy notice): Editors and Administrators.</summary>
[Route("quan-tri/trang")]
[Authorize(Policy = PortalPolicies.Editors)]
public sealed class StaticPagesController(StaticPageEditor editor, PortalDbContext db) : AdminControllerBase
{
    private const string ListPath = "/quan-tri/trang";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var pages = await (
            from p in db.StaticPages.AsNoTracking()
            join u in db.Users on p.UpdatedById equals u.Id into updaters
            from u in updaters.DefaultIfEmpty()
            orderby p.Id
            select new StaticPageListItem(p.Id, p.Title, p.Slug, p.Language, p.IsPublished, p.UpdatedAtUtc,
                u == null ? null : u.DisplayName != "" ? u.DisplayName : u.UserName))
            .ToListAsync(cancellationToken);
        return View(new StaticPageListViewModel(pages));
    }

    [HttpGet("tao")]
    public IActionResult Create() => View("Edit", new StaticPageFormViewModel(null, new StaticPageEditModel(), null, null));

    [HttpPost("tao")]
    [RequestSizeLimit(RequestBodyLimits.Editor)]
    public async Task<IActionResult> Create(StaticPageEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ModelState.IsValid
            ? await AfterSaveAsync(await editor.CreateAsync(model, User, cancellationToken), null, model, cancellationToken)
            : await FormAsync(null, model, null, cancellationToken);
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var page = await db.StaticPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return page is null ? NotFound() : await FormAsync(id, StaticPageEditor.ToModel(page), null, cancellationToken);
    }

    [HttpPost("{id:int}/sua")]
    [RequestSizeLimit(RequestBodyLimits.Editor)]
    public async Task<IActionResult> Edit(int id, StaticPageEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ModelState.IsValid
            ? await AfterSaveAsync(await editor.UpdateAsync(id, model, User, cancellationToken), id, model, cancellationToken)
            : await FormAsync(id, model, null, cancellationToken);
    }

    [HttpPost("{id:int}/xuat-ban")]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken) =>
        Outcome(await editor.SetPublishedAsync(id, publish: true, User, cancellationToken), "Đã xuất bản trang.", ListPath);

    [HttpPost("{id:int}/go-xuong")]
    public async Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) =>
        Outcome(await editor.SetPublishedAsync(id, publish: false, User, cancellationToken), "Đã gỡ trang xuống.", ListPath);

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
        Outcome(await editor.DeleteAsync(id, User, cancellationToken), "Đã xóa trang.", ListPath);

    [HttpGet("{id:int}/phien-ban")]
    public async Task<IActionResult> Revisions(int id, [FromQuery(Name = "xem")] long? show, CancellationToken cancellationToken)
    {
        var title = await db.StaticPages.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        var revisions = await db.StaticPageRevisions.AsNoTracking().Where(r => r.StaticPageId == id)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        return View(new StaticPageRevisionsViewModel(id, title, revisions, show));
    }

    [HttpPost("{id:int}/phien-ban/{revisionId:long}/khoi-phuc")]
    public async Task<IActionResult> RestoreRevision(int id, long revisionId, CancellationToken cancellationToken) =>
        Outcome(await editor.RestoreRevisionAsync(id, revisionId, User, cancellationToken),
            "Đã khôi phục phiên bản cũ (lưu thành phiên bản mới).", $"/quan-tri/trang/{id}/sua");

    private async Task<IActionResult> AfterSaveAsync(EditResult result, int? id, StaticPageEditModel model, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case EditOutcome.Invalid:
                ModelState.AddModelError(result.Field ?? "", result.Error ?? "Dữ liệu không hợp lệ.");
                return await FormAsync(id, model, null, cancellationToken);
            case EditOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                model.ConcurrencyStamp = result.Conflict!.CurrentStamp;
                return await FormAsync(id, model, result.Conflict, cancellationToken);
            default:
                return Outcome(result, "Đã lưu trang.", $"/quan-tri/trang/{result.Id}/sua");
        }
    }

    private async Task<IActionResult> FormAsync(int? id, StaticPageEditModel model, EditConflict? conflict, CancellationToken cancellationToken)
    {
        var saved = id is null ? null : await db.StaticPages.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Slug, p.IsPublished }).FirstOrDefaultAsync(cancellationToken);
        if (id is not null && saved is null)
        {
            return NotFound();
        }

        var publicPath = saved is { IsPublished: true } ? SiteUrls.Page(saved.Slug) : null;
        return View("Edit", new StaticPageFormViewModel(id, model, conflict, publicPath));
    }
}
