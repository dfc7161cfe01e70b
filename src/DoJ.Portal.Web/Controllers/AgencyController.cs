using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Settings;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace DoJ.Portal.Web.Controllers;

/// <summary>
/// The agency pages Nghị định 42/2022 asks for, from the officials edited as data: the leadership
/// (<c>/gioi-thieu/lanh-dao</c>), the contact officials by unit (<c>/gioi-thieu/lien-he-can-bo</c>) and the English page
/// (<c>/en</c>). Officials' work phones and e-mails are the agency's public contacts, published on purpose.
/// </summary>
public sealed class AgencyController(AgencyRepository agency, SiteSettingsCache settings) : Controller
{
    [HttpGet(SiteUrls.Leadership)]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> Leadership(CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Agency);
        var officials = await agency.ListOfficialsAsync(cancellationToken);
        return View(officials.Where(o => o.Role == OfficialRole.Leadership).ToList());
    }

    [HttpGet(SiteUrls.ContactOfficials)]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> ContactOfficials(CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Agency);
        var officials = await agency.ListOfficialsAsync(cancellationToken);
        return View(OfficialUnit.Group(officials.Where(o => o.Role == OfficialRole.ContactOfficial), english: false));
    }

    [HttpGet(SiteUrls.English)]
    [OutputCache(PolicyName = PortalCaching.Pages)]
    public async Task<IActionResult> English(CancellationToken cancellationToken)
    {
        PageTags.Tag(HttpContext, PageTags.Agency);
        var officials = await agency.ListOfficialsAsync(cancellationToken);
        return View(new EnglishPageViewModel(
            await settings.GetAsync(cancellationToken),
            officials.Where(o => o.Role == OfficialRole.Leadership).ToList(),
            OfficialUnit.Group(officials.Where(o => o.Role == OfficialRole.ContactOfficial), english: true)));
    }
}
