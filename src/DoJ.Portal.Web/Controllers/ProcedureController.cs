using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The procedures directory (<c>/thu-tuc-hanh-chinh?linh-vuc=&amp;q=&amp;trang=</c>) and a procedure's page
/// (<c>/thu-tuc-hanh-chinh/{id}/{slug}</c>). Only what a citizen needs to find the right procedure is shown here; the
/// details are on the national public-service portal, which each procedure links to (Nghị định 42/2022). The list
/// uses the register's cache policy, which already varies by <c>linh-vuc</c>, <c>q</c> and <c>trang</c>.
/// </summary>
public sealed class ProcedureController(AgencyRepository agency) : Controller
{
    public const int PageSize = 10;

    [HttpGet(SiteUrls.Procedures)]
    [OutputCache(PolicyName = PortalCaching.Documents)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = DocumentQuery.Field)] string? field,
        [FromQuery(Name = DocumentQuery.Text)] string? q,
        [FromQuery] string? trang,
        CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page) || (!string.IsNullOrEmpty(field) && !Slug.IsWellFormed(field))
            || q is { Length: > AgencyRepository.SearchMaxLength })
        {
            return BadRequest();
        }

        PageTags.Tag(HttpContext, PageTags.Agency);
        var words = string.IsNullOrWhiteSpace(q) ? null : q.Trim().Normalize(System.Text.NormalizationForm.FormC);
        var fieldSlug = string.IsNullOrEmpty(field) ? null : field;
        var list = await agency.ListProceduresAsync(fieldSlug, words, page, PageSize, cancellationToken);
        if (list.IsPastEnd)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View(new ProcedureDirectoryViewModel(list, await agency.ListProcedureFieldsAsync(cancellationToken), fieldSlug, words));
    }

    /// <summary><c>/thu-tuc-hanh-chinh/{id}</c> and a wrong slug answer 301 to the canonical address; an unpublished one is a 404.</summary>
    [HttpGet(SiteUrls.Procedures + "/{id:int}")]
    [HttpGet(SiteUrls.Procedures + "/{id:int}/{slug}")]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Agency);
        var procedure = id > 0 ? await agency.GetProcedureAsync(id, cancellationToken) : null;
        if (procedure is null)
        {
            return NotFound();
        }

        return slug == procedure.Slug
            ? View(procedure)
            : RedirectPermanent(SiteUrls.Procedure(procedure.Id, procedure.Slug));
    }
}
