using System.Security.Claims;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Moderation of citizens' questions (editors and administrators): the queue, a question's screen, and its steps.</summary>
[Route(AdminUrls.Questions)]
[Authorize(Policy = PortalPolicies.Editors)]
public sealed class QuestionsController(QuestionEditor editor) : AdminControllerBase
{
    public const int PageSize = 20;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "trang-thai")] QuestionStatus? status, [FromQuery(Name = "linh-vuc")] int? fieldId,
        [FromQuery(Name = "phu-trach")] string? assignedTo, [FromQuery(Name = "tu-khoa")] string? words, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !PageNumber.TryParse(trang, out var page) || (status is { } s && !Enum.IsDefined(s)))
        {
            return BadRequest();
        }

        var filter = new QuestionAdminFilter(status, fieldId, assignedTo is { Length: > 450 } ? null : assignedTo, words is { Length: > 200 } ? words[..200] : words);
        return View(new QuestionQueueViewModel(await editor.ListAsync(filter, page, PageSize, cancellationToken), filter,
            await editor.CountsAsync(cancellationToken), await editor.FieldsAsync(cancellationToken), await editor.EditorsAsync(cancellationToken)));
    }

    [HttpGet(AdminUrls.Routes.Edit)]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(id, User, cancellationToken), q => ScreenAsync(q, null, null, null, false, cancellationToken));

    [HttpPost(AdminUrls.Routes.Assign)]
    public Task<IActionResult> Assign(int id, QuestionAssignModel model, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.AssignAsync(id, model.AssigneeId, model.ConcurrencyStamp, User, cancellationToken), "Đã phân công câu hỏi.", null, cancellationToken);

    [HttpPost(AdminUrls.Routes.TakeOver)]
    public Task<IActionResult> TakeOver(int id, QuestionStepModel model, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.TakeOverAsync(id, model.ConcurrencyStamp, User, cancellationToken), "Bạn đã nhận xử lý câu hỏi.", null, cancellationToken);

    /// <summary>"Lưu nháp" keeps the answer; "Lưu và xuất bản" (<paramref name="then"/> = <c>xuat-ban</c>) publishes it in the same save.</summary>
    [HttpPost(AdminUrls.Routes.Answer)]
    [EnableRateLimiting(RateLimitPolicies.EditorSave)]
    public Task<IActionResult> Answer(int id, QuestionAnswerModel model, [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.SaveAnswerAsync(id, model, then == AdminUrls.Segments.Publish, User, cancellationToken), "Đã lưu câu trả lời.",
            new PostedValues(model.Answer, null, null), cancellationToken);

    [HttpPost(AdminUrls.Routes.Publish)]
    public Task<IActionResult> Publish(int id, QuestionStepModel model, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.PublishAsync(id, model.ConcurrencyStamp, User, cancellationToken), "Đã xuất bản.", null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Unpublish)]
    public Task<IActionResult> Unpublish(int id, QuestionStepModel model, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.UnpublishAsync(id, model.ConcurrencyStamp, User, cancellationToken), "Đã gỡ xuống.", null, cancellationToken);

    [HttpPost(AdminUrls.Routes.Decline)]
    public Task<IActionResult> Decline(int id, QuestionDeclineModel model, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.DeclineAsync(id, model, User, cancellationToken), "Đã từ chối câu hỏi.", new PostedValues(null, model.Reason, null), cancellationToken);

    [HttpPost(AdminUrls.Routes.Merge)]
    public Task<IActionResult> Merge(int id, QuestionMergeModel model, CancellationToken cancellationToken) =>
        StepAsync(id, () => editor.MergeAsync(id, model, User, cancellationToken), "Đã gộp câu hỏi.", new PostedValues(null, null, model.TargetId), cancellationToken);

    /// <summary>What a refused step's form gets back.</summary>
    private sealed record PostedValues(string? Answer, string? Reason, int? MergeTargetId);

    /// <summary>A step: done → back to the question's screen; refused, invalid or stale → the screen again with the reason (409 when refused or stale).</summary>
    private async Task<IActionResult> StepAsync(int id, Func<Task<EditResult>> step, string saved, PostedValues? posted, CancellationToken cancellationToken)
    {
        async Task<IActionResult> Screen(EditResult? result)
        {
            var loaded = await editor.LoadAsync(id, User, cancellationToken);
            return loaded.Value is { } question
                ? await ScreenAsync(question, posted, result?.Outcome == EditOutcome.Refused ? result.Error : null, result?.Conflict, result is not null || !ModelState.IsValid, cancellationToken)
                : await ShowAsync(loaded, _ => NotFound());
        }

        return ModelState.IsValid
            ? await RespondAsync(await step(), _ => AdminUrls.Edit(AdminUrls.Questions, id), saved, Screen)
            : await Screen(null);
    }

    private async Task<IActionResult> ScreenAsync(QuestionDetails question, PostedValues? posted, string? problem, EditConflict? conflict, bool postedBack,
        CancellationToken cancellationToken)
    {
        var answer = posted?.Answer is { } mine && postedBack ? mine : question.Answer;
        return View("Details", new QuestionScreenViewModel(question, await editor.EditorsAsync(cancellationToken), answer,
            conflict?.CurrentStamp ?? question.ConcurrencyStamp, posted?.Reason, posted?.MergeTargetId, problem, conflict,
            User.FindFirstValue(ClaimTypes.NameIdentifier)));
    }
}
