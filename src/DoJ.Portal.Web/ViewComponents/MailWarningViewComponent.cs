using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The dashboard's warning to administrators when messages have been given up (nothing otherwise).</summary>
public sealed class MailWarningViewComponent(OutgoingMailRepository queue) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!UserClaimsPrincipal.IsInRole(PortalRoles.Administrator))
        {
            return Content("");
        }

        var givenUp = await queue.CountGivenUpAsync(HttpContext.RequestAborted);
        return givenUp == 0 ? Content("") : View(givenUp);
    }
}
