using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Every admin controller: the area, staff-only access, antiforgery on every POST.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminControllerBase : Controller
{
    protected void Flash(string message) => TempData["Message"] = message;
}
