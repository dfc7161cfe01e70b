using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Search;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The public questions and answers: the list (<c>/hoi-dap?linh-vuc=&amp;q=&amp;trang=</c>, newest answered first) and a
/// question's page (<c>/hoi-dap/{id}/{slug}</c>). Only <see cref="Domain.Citizens.Question.IsPublicAt"/> questions are
/// shown, with the asker's public name only. The form and the status lookup are <see cref="AskQuestionController"/>'s.
/// </summary>
public sealed class QuestionController(QuestionRepository questions, SearchIndex search, SiteSettingsCache settings, SiteUrls urls, TimeProvider clock) : Controller
{
    public const int PageSize = 10;

    /// <summary>A malformed page, field slug or an overlong text answers 400; a well-formed slug naming no field gives an empty list.</summary>
    [HttpGet(SiteUrls.Questions)]
    [OutputCache(PolicyName = PortalCaching.Documents)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = QuestionQuery.Field)] string? field,
        [FromQuery(Name = QuestionQuery.Text)] string? q,
        [FromQuery] string? trang,
        CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page) || (!string.IsNullOrEmpty(field) && !Slug.IsWellFormed(field))
            || q is { Length: > SearchIndex.MaxQueryLength })
        {
            return BadRequest();
        }

        PageTags.Tag(HttpContext, PageTags.Questions);
        var fields = await questions.ListFieldsAsync(cancellationToken);
        var chosen = string.IsNullOrEmpty(field) ? null : fields.FirstOrDefault(f => f.Slug == field);
        var text = SearchText.Clean(q);
        var matchingIds = text.Length == 0 ? null : search.FindQuestionIds(text, QuestionRepository.MatchingIdsMax, clock.GetUtcNow().UtcDateTime);
        var list = !string.IsNullOrEmpty(field) && chosen is null
            ? new PagedList<QuestionListItem>([], page, PageSize, 0)
            : await questions.ListPublicAsync(chosen?.Id, matchingIds, page, PageSize, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new QuestionListViewModel(list, fields, chosen, text));
    }

    /// <summary><c>/hoi-dap/{id}</c> and a wrong slug answer 301 to the canonical <c>/hoi-dap/{id}/{slug}</c>.</summary>
    [HttpGet(SiteUrls.Questions + "/{id:int}")]
    [HttpGet(SiteUrls.Questions + "/{id:int}/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Questions);
        var question = id > 0 ? await questions.GetPublicAsync(id, cancellationToken) : null;
        if (question is null)
        {
            return NotFound();
        }

        var canonical = SiteUrls.Question(question.Id, question.Slug);
        if (slug != question.Slug)
        {
            return RedirectPermanent(canonical);
        }

        var site = await settings.GetAsync(cancellationToken);
        return View(new QuestionDetailsViewModel(question, urls.Absolute(canonical), StructuredData.QaPage(question, site, urls)));
    }
}
