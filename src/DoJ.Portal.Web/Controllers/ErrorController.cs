using System.Globalization;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

/// <summary>Vietnamese error pages, reached by re-execution from the status-code and exception handlers.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    /// <remarks>
    /// The code is read from the route, not model-bound: a re-executed POST whose form cannot be read (a null
    /// byte, a body over the limit) fails every value provider at once, which would turn its 400 or 413 into a 404.
    /// </remarks>
    [Route(SiteUrls.Errors + "/{code:int}")]
    public IActionResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 404;
        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        return View("Error", PlainHttpGuard.Refused(HttpContext) ? ErrorViewModel.HttpsRequired : ErrorViewModel.For(status));
    }
}
