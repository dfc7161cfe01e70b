using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Citizens;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// What a citizen sends and looks up: the question form (<c>/hoi-dap/dat-cau-hoi</c>), the page after sending, which shows
/// the tracking code once, and the status lookup (<c>/hoi-dap/tra-cuu?ma=</c>). None of these pages is ever cached: the
/// form carries a fresh token, the others are one person's.
/// </summary>
public sealed class AskQuestionController(QuestionRepository questions, QuestionIntake intake, CitizenFormGuard guard) : Controller
{
    /// <summary>The form's name for <see cref="CitizenFormGuard"/>.</summary>
    public const string FormName = "hoi-dap";

    private const string CodeKey = "question-code";

    [HttpGet(SiteUrls.AskQuestion)]
    public async Task<IActionResult> Ask(CancellationToken cancellationToken)
    {
        NoStore();
        return View(new AskQuestionViewModel(new AskQuestionForm(), await questions.ListFieldsAsync(cancellationToken), null));
    }

    /// <summary>A refused send (spam defences, a rule of the form) shows the form again with its message, 400, and stores nothing.</summary>
    [HttpPost(SiteUrls.AskQuestion)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Ask(
        [FromForm] AskQuestionForm form,
        [FromForm(Name = CitizenFormGuard.HoneypotField)] string? honeypot,
        [FromForm(Name = CitizenFormGuard.TokenField)] string? token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        NoStore();
        var fields = await questions.ListFieldsAsync(cancellationToken);
        var refusal = guard.Check(HttpContext, FormName, honeypot, token, form.Name, form.Title, form.Body);
        if (refusal is not null)
        {
            return Refused(form, fields, refusal.Message);
        }

        var (email, phone) = QuestionIntake.Check(form, fields, ModelState);
        if (!ModelState.IsValid)
        {
            // The citizen's own mistakes: shown to be corrected, not counted against their sends.
            guard.Forgive(HttpContext, FormName);
            return Refused(form, fields, "Câu hỏi chưa được gửi: vui lòng sửa các mục được đánh dấu bên dưới.");
        }

        var code = await intake.StoreAsync(form, email, phone, cancellationToken);
        TempData[CodeKey] = code;
        return RedirectToAction(nameof(Sent));
    }

    /// <summary>Shows the tracking code once (it comes through the protected TempData cookie, never the address).</summary>
    [HttpGet(SiteUrls.QuestionSent)]
    public IActionResult Sent()
    {
        NoStore();
        var code = TempData[CodeKey] as string;
        return View(new QuestionSentViewModel(TrackingCode.Normalize(code)));
    }

    /// <summary>The status of a question by its tracking code; an unknown code answers 404 with a message. Never the asker's data.</summary>
    [HttpGet(SiteUrls.TrackQuestion)]
    [EnableRateLimiting(RateLimitPolicies.Search)]
    public async Task<IActionResult> Track([FromQuery(Name = QuestionQuery.Code)] string? ma, CancellationToken cancellationToken)
    {
        NoStore();
        if (string.IsNullOrWhiteSpace(ma))
        {
            return View(new QuestionTrackingViewModel(null, null, Searched: false));
        }

        var code = TrackingCode.Normalize(ma);
        var found = code is null ? null : await questions.TrackAsync(code, cancellationToken);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        var shown = ma.Length > 4 * Question.TrackingCodeLength ? ma[..(4 * Question.TrackingCodeLength)] : ma.Trim();
        return View(new QuestionTrackingViewModel(code ?? shown, found, Searched: true));
    }

    private ViewResult Refused(AskQuestionForm form, IReadOnlyList<QuestionField> fields, string message)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Ask), new AskQuestionViewModel(form, fields, message));
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
