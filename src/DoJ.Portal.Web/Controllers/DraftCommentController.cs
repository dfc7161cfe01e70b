using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Citizens;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// Lấy ý kiến dự thảo, the public side: the documents open for comment, and a document's comment form. The form is
/// its own page, never output-cached, checked by antiforgery and <see cref="CitizenFormGuard"/>; a refused send stores
/// nothing and shows the form again (400) with what was typed and a Vietnamese reason.
/// </summary>
public sealed class DraftCommentController(DocumentRepository documents, DraftCommentIntake intake, CitizenFormGuard guard, TimeProvider clock) : Controller
{
    /// <summary>How long a closed period stays on the list (days after its closing day).</summary>
    public const int RecentlyClosedDays = 90;

    public const int ListMax = 100;

    [HttpGet(SiteUrls.DocumentsOpenForComment)]
    [OutputCache(PolicyName = PortalCaching.Documents)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(clock);
        var list = await documents.ListCommentPeriodsAsync(today.AddDays(-RecentlyClosedDays), ListMax, cancellationToken);
        return View(new DraftCommentListViewModel(list, today));
    }

    [HttpGet(SiteUrls.Documents + "/{id:int}/{slug}/" + SiteUrls.CommentFormSegment)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Form(int id, string slug, CancellationToken cancellationToken)
    {
        var document = await TargetAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        return slug != document.Slug
            ? RedirectPermanent(SiteUrls.DocumentCommentForm(document.Id, document.Slug))
            : View("Form", FormModel(document, new DraftCommentInput(), intake.PeriodRefusal(document)));
    }

    [HttpPost(SiteUrls.Documents + "/{id:int}/{slug}/" + SiteUrls.CommentFormSegment)]
    [ValidateAntiForgeryToken]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Send(int id, string slug, DraftCommentInput input,
        [FromForm(Name = CitizenFormGuard.HoneypotField)] string? honeypot, [FromForm(Name = CitizenFormGuard.TokenField)] string? token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var document = await TargetAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var refusal = guard.Check(HttpContext, DraftCommentIntake.FormName, honeypot, token, input.Body, input.Organisation, input.Name)?.Message
            ?? intake.PeriodRefusal(document);
        var fields = refusal is null ? DraftCommentIntake.Check(input) : [];
        if (fields.Count > 0)
        {
            // The citizen's own mistakes: shown to be corrected, not counted against their sends.
            guard.Forgive(HttpContext, DraftCommentIntake.FormName);
        }

        foreach (var field in fields)
        {
            ModelState.AddModelError(field.Field, field.Message);
        }

        if (refusal is not null || fields.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Form", FormModel(document, input, refusal));
        }

        await intake.StoreAsync(document, input, cancellationToken);
        return Redirect(SiteUrls.DocumentCommentThanks(document.Id, document.Slug));
    }

    [HttpGet(SiteUrls.Documents + "/{id:int}/{slug}/" + SiteUrls.CommentFormSegment + "/" + SiteUrls.CommentThanksSegment)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Thanks(int id, string slug, CancellationToken cancellationToken)
    {
        var document = await TargetAsync(id, cancellationToken);
        return document is null ? NotFound()
            : slug != document.Slug ? RedirectPermanent(SiteUrls.DocumentCommentThanks(document.Id, document.Slug))
            : View(FormModel(document, new DraftCommentInput(), null));
    }

    /// <summary>A public document that has a comment period; anything else is not found.</summary>
    private async Task<DocumentCommentTarget?> TargetAsync(int id, CancellationToken cancellationToken) =>
        id > 0 && await documents.GetCommentTargetAsync(id, cancellationToken) is { CommentsOpenOn: not null, CommentsCloseOn: not null } document
            ? document
            : null;

    private DraftCommentFormViewModel FormModel(DocumentCommentTarget document, DraftCommentInput input, string? refusal) =>
        new(document, document.StateOn(VietnamTime.Today(clock)), input, refusal);
}
