using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Editing;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The dashboard's "Câu hỏi chờ xử lý": how many citizens' questions are received or in progress, linking to the queue.</summary>
public sealed class QuestionsWaitingViewComponent(QuestionEditor questions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(new QuestionsWaiting(await questions.CountWaitingAsync(HttpContext.RequestAborted), QuestionStatus.Received));
}

/// <summary>The count of waiting questions, and the status its link filters by (the newest, not yet assigned).</summary>
public sealed record QuestionsWaiting(int Count, QuestionStatus NewStatus);
