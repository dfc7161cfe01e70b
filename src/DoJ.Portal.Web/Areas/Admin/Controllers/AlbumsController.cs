using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Photo albums: list and recycle bin, create, edit (photos, order, captions, alt text, cover), the workflow.</summary>
[Route(AdminUrls.Albums)]
public sealed class AlbumsController(AlbumEditor editor) : AdminControllerBase
{
    public const int PageSize = 20;
    public const string BinSegment = "thung-rac";

    /// <summary>The plain file input may carry many photos at once: 20 images at the library's largest limit (<see cref="MediaStore.MaxBytes"/>), and 1 MB for the rest of the form.</summary>
    public const long FormLimit = (20 * MediaStore.MaxBytes) + (1024 * 1024);

    /// <summary>The form's move buttons (<c>{row}:len</c>, <c>{row}:xuong</c>).</summary>
    public const string MoveField = "di-chuyen";

    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery(Name = "trang-thai")] ArticleState? state, [FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new AlbumAdminFilter(state, InBin: false), trang, cancellationToken);

    [HttpGet(BinSegment)]
    public Task<IActionResult> Bin([FromQuery] string? trang, CancellationToken cancellationToken) =>
        AlbumEditor.CanPublish(User) ? ListAsync(new AlbumAdminFilter(null, InBin: true), trang, cancellationToken) : Task.FromResult<IActionResult>(Forbid());

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new AlbumEditModel { TakenOn = "" }, null, null, null, cancellationToken));

    [HttpPost(AdminUrls.Routes.New)]
    [RequestSizeLimit(FormLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Create(AlbumEditModel model, [FromForm(Name = MoveField)] string? move, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(null, model, move, then, () => editor.CreateAsync(model, move, User, cancellationToken), cancellationToken);

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, User, cancellationToken),
            async form => View(await FormAsync(id, form.Model, form.State, form.Slug, null, cancellationToken) with { Returned = form.Returned }));

    [HttpPost(AdminUrls.Routes.Edit)]
    [RequestSizeLimit(FormLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Edit(int id, AlbumEditModel model, [FromForm(Name = MoveField)] string? move, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(id, model, move, then, () => editor.UpdateAsync(id, model, move, User, cancellationToken), cancellationToken);

    /// <summary>One photo from the form's script: stored in the library; JSON with its id and thumbnail, or the reason it was refused.</summary>
    [HttpPost(AdminUrls.Segments.Upload)]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(MediaController.RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaController.RequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, CancellationToken cancellationToken)
    {
        var result = await editor.UploadAsync(file, User, cancellationToken);
        return result.Media is { } image
            ? Json(new
            {
                mediaId = image.Id,
                name = image.OriginalName,
                thumbnail = PathPrefix.Apply(Request.PathBase, MediaStore.Url(image.ThumbnailFileName ?? image.FileName)),
            })
            : BadRequest(new { error = result.Error });
    }

    [HttpPost(AdminUrls.Routes.Submit)]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Submit, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, [FromForm(Name = "xuat-ban-luc")] string? publishAt, CancellationToken cancellationToken) =>
        PublishTime.TryParse(publishAt, out var at) ? await TransitionAsync(id, ArticleTransition.Publish, at, cancellationToken) : BadRequest();

    [HttpPost(AdminUrls.Routes.SendBack)]
    public async Task<IActionResult> SendBack(int id, [FromForm(Name = "ghi-chu")] string? note, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SendBackAsync(id, note, User, cancellationToken), AdminUrls.Edit(AdminUrls.Albums, id), "Đã trả lại album cho tác giả.");

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Unpublish, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Delete)]
    public Task<IActionResult> Delete(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Delete, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Restore)]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Restore, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Purge)]
    public Task<IActionResult> Purge(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Purge, null, cancellationToken);

    private async Task<IActionResult> ListAsync(AlbumAdminFilter filter, string? trang, CancellationToken cancellationToken) =>
        PageNumber.TryParse(trang, out var page)
            ? View("Index", new AlbumAdminListViewModel(await editor.ListAsync(filter, page, PageSize, cancellationToken), filter))
            : BadRequest();

    /// <summary>A save from the form; a move button saves and comes back to the moved row; "save and publish" goes on to that step.</summary>
    private async Task<IActionResult> SaveAsync(int? id, AlbumEditModel model, string? move, string? then, Func<Task<EditResult>> save, CancellationToken cancellationToken)
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

        // Files the browser sent are checked by the editor, one by one; the rest of the form must bind.
        ModelState.Remove(nameof(model.NewPhotos));
        if (!ModelState.IsValid)
        {
            return await Form(null);
        }

        var result = await save();
        if (result.Succeeded && move is null && then is "gui-duyet" or "xuat-ban")
        {
            return await TransitionAsync(result.Id, then == "gui-duyet" ? ArticleTransition.Submit : ArticleTransition.Publish,
                then == "xuat-ban" && PublishTime.TryParse(model.PublishAt, out var at) ? at : null, cancellationToken, result.Notice);
        }

        var anchor = AlbumEditor.MovedTo(move, model.Photos.Count) is { } row ? $"#anh-{row}" : "";
        return await RespondAsync(result, r => AdminUrls.Edit(AdminUrls.Albums, r.Id) + anchor, move is null ? "Đã lưu album." : "Đã đổi thứ tự.", Form, otherwise: AdminUrls.Albums);
    }

    private async Task<IActionResult> TransitionAsync(int id, ArticleTransition transition, DateTime? publishAt, CancellationToken cancellationToken, string? savedNotice = null)
    {
        var result = await editor.TransitionAsync(id, transition, User, publishAt, cancellationToken);
        if (!result.Succeeded && savedNotice is not null && result.Error is { } error)
        {
            // The save went through; say so with the reason the next step was refused.
            result = result with { Error = savedNotice + " " + error };
        }

        return await RespondAsync(result,
            transition is ArticleTransition.Purge or ArticleTransition.Delete ? AdminUrls.Albums : AdminUrls.Edit(AdminUrls.Albums, id),
            savedNotice is null ? $"Đã thực hiện: {transition.ToVietnamese()}." : $"{savedNotice} Đã thực hiện: {transition.ToVietnamese()}.",
            otherwise: transition == ArticleTransition.Purge ? $"{AdminUrls.Albums}/{BinSegment}" : AdminUrls.Edit(AdminUrls.Albums, id));
    }

    private async Task<AlbumFormViewModel> FormAsync(int? id, AlbumEditModel model, ArticleState? state, string? slug, EditConflict? conflict, CancellationToken cancellationToken) =>
        new(id, model, await editor.ImagesAsync(model.Photos.Select(p => p.MediaId), cancellationToken), state, slug, AlbumEditor.CanPublish(User), conflict);
}
