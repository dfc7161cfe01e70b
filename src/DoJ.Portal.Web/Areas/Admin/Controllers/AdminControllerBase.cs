
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Every admin controller: the area, staff-only access, antiforgery on every POST.</summary>
[Area("Admin")]
[Authorize(Policy = PortalPolicies.Staff)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminControllerBase : Controller
{
    protected void Flash(string message) => TempData["Message"] = message;

    /// <summary>A refusal from an editing service, shown by the form's validation summary.</summary>
    protected void ShowError(EditResult? result)
    {
        if (result is { Outcome: EditOutcome.Invalid })
        {
            ModelState.AddModelError(result.Field ?? "", result.Error ?? "Dữ liệu không hợp lệ.");
        }
    }

    /// <summary>
    /// Post-Redirect-Get after an editor service's action: 404 or 403 as it says, otherwise a redirect to
    /// <paramref name="target"/> with <paramref name="message"/> flashed (or the reason it was refused).
    /// </summary>
    protected IActionResult Outcome(EditResult result, string message, string target)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Forbid();
            default:
                Flash(result.Outcome == EditOutcome.Saved ? message : result.Error ?? "Không thể thực hiện thao tác.");
                return LocalRedirect(target);
        }
    }

    /// <summary>
    /// With <c>Security:RequireTwoFactorForAdministrators</c>, an administrator whose session did not pass
    /// a second factor is sent to set it up (or to sign in again) before anything else.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var required = HttpContext.RequestServices.GetRequiredService<IConfiguration>().GetValue("Security:RequireTwoFactorForAdministrators", false);
        if (required && User.IsInRole(Domain.PortalRoles.Administrator) && !User.HasClaim("amr", "mfa"))
        {
            context.Result = LocalRedirect(DoJ.Portal.Web.Controllers.TwoFactorController.EnrolPath);
            return;
        }

        await next();
    }
}
