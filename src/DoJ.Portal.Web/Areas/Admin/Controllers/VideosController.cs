using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Videos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Videos: list and recycle bin, create, edit, the workflow.</summary>
[Route(AdminUrls.Videos)]
public sealed class VideosController(VideoEditor editor, IOptions<VideoOptions> options) : AdminControllerBase
{
    public const int PageSize = 20;

    public const string BinSegment = "thung-rac";

    /// <summary>The form's multipart limit: the request body limit (<see cref="AcceptsVideoAttribute"/>, from the configuration) is the real bound.</summary>
    private const long MultipartLimit = 8L * 1024 * 1024 * 1024;

    [HttpGet("")]
    public Task<IActionResult> Index([FromQuery(Name = "tu-khoa")] string? words, [FromQuery(Name = "trang-thai")] ArticleState? state,
        [FromQuery] string? trang, CancellationToken cancellationToken) =>
        ListAsync(new VideoAdminFilter(words is { Length: > 200 } ? words[..200] : words, state, InBin: false), trang, cancellationToken);

    [HttpGet(BinSegment)]
    public Task<IActionResult> Bin([FromQuery] string? trang, CancellationToken cancellationToken) =>
        VideoEditor.CanPublish(User)
            ? ListAsync(new VideoAdminFilter(null, null, InBin: true), trang, cancellationToken)
            : Task.FromResult<IActionResult>(Forbid());

    [HttpGet(AdminUrls.Routes.New)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await FormAsync(null, new VideoEditModel(), null, null, null, cancellationToken));

    [HttpPost(AdminUrls.Routes.New)]
    [AcceptsVideo]
    [RequestFormLimits(MultipartBodyLengthLimit = MultipartLimit)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Create(VideoEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(null, model, then, () => editor.CreateAsync(model, User, cancellationToken), cancellationToken);

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, User, cancellationToken),
            async form => View(await FormAsync(id, form.Model, form.State, form.Slug, null, cancellationToken) with { Returned = form.Returned }));

    [HttpPost(AdminUrls.Routes.Edit)]
    [AcceptsVideo]
    [RequestFormLimits(MultipartBodyLengthLimit = MultipartLimit)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Edit(int id, VideoEditModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        SaveAsync(id, model, then, () => editor.UpdateAsync(id, model, User, cancellationToken), cancellationToken);

    [HttpPost(AdminUrls.Routes.Submit)]
    public Task<IActionResult> Submit(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Submit, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Publish)]
    public async Task<IActionResult> Publish(int id, [FromForm(Name = "xuat-ban-luc")] string? publishAt, CancellationToken cancellationToken) =>
        PublishTime.TryParse(publishAt, out var at)
            ? await TransitionAsync(id, ArticleTransition.Publish, at, cancellationToken)
            : BadRequest();

    [HttpPost(AdminUrls.Routes.SendBack)]
    public async Task<IActionResult> SendBack(int id, [FromForm(Name = "ghi-chu")] string? note, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.SendBackAsync(id, note, User, cancellationToken), AdminUrls.Edit(AdminUrls.Videos, id), "Đã trả lại video cho tác giả.");

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Unpublish, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Delete)]
    public Task<IActionResult> Delete(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Delete, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Restore)]
    public Task<IActionResult> Restore(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Restore, null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Purge)]
    public Task<IActionResult> Purge(int id, CancellationToken cancellationToken) => TransitionAsync(id, ArticleTransition.Purge, null, cancellationToken);

    private async Task<IActionResult> ListAsync(VideoAdminFilter filter, string? trang, CancellationToken cancellationToken) =>
        PageNumber.TryParse(trang, out var page)
            ? View("Index", new VideoAdminListViewModel(await editor.ListAsync(filter, page, PageSize, cancellationToken), filter))
            : BadRequest();

    /// <summary>A save from the form; "save and submit" / "save and publish" (<paramref name="then"/>) go on to that step once saved.</summary>
    private async Task<IActionResult> SaveAsync(int? id, VideoEditModel model, string? then, Func<Task<EditResult>> save, CancellationToken cancellationToken)
    {
        async Task<IActionResult> ShowForm(EditResult? result)
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
            return await ShowForm(null);
        }

        var result = await save();
        return (result.Succeeded, then) switch
        {
            (true, "gui-duyet") => await TransitionAsync(result.Id, ArticleTransition.Submit, null, cancellationToken),
            (true, "xuat-ban") => await TransitionAsync(result.Id, ArticleTransition.Publish,
                PublishTime.TryParse(model.PublishAt, out var at) ? at : null, cancellationToken),
            _ => await RespondAsync(result, r => AdminUrls.Edit(AdminUrls.Videos, r.Id), "Đã lưu video.", ShowForm, otherwise: AdminUrls.Videos),
        };
    }

    private async Task<IActionResult> TransitionAsync(int id, ArticleTransition transition, DateTime? publishAt, CancellationToken cancellationToken) =>
        await RespondAsync(await editor.TransitionAsync(id, transition, User, publishAt, cancellationToken),
            transition is ArticleTransition.Purge or ArticleTransition.Delete ? AdminUrls.Videos : AdminUrls.Edit(AdminUrls.Videos, id),
            $"Đã thực hiện: {transition.ToVietnamese()}.",
            otherwise: transition == ArticleTransition.Purge ? $"{AdminUrls.Videos}/{BinSegment}" : AdminUrls.Edit(AdminUrls.Videos, id));

    private async Task<VideoFormViewModel> FormAsync(int? id, VideoEditModel model, ArticleState? state, string? slug, EditConflict? conflict, CancellationToken cancellationToken) =>
        new(id, model, state, slug, VideoEditor.CanPublish(User), conflict, options.Value.MaxUploadText,
            await editor.PosterChoicesAsync(model.PosterId, cancellationToken));
}
