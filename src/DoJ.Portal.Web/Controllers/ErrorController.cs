using DoJ.Portal.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Controllers;

/// <summary>Vietnamese error pages, reached by re-execution from the status-code and exception handlers.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/loi/{code:int}")]
    public IActionResult Show(int code)
    {
        var status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        return View("Error", ErrorViewModel.For(status));
    }
}
