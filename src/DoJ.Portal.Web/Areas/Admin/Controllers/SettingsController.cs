using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The department's name, contact details, footer, base URL and page sizes (Administrators).</summary>
[Route("quan-tri/cai-dat")]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class SettingsController(SiteSettingsRepository settings, SiteSettingsEditor editor, SiteUrls urls) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new SettingsFormViewModel(SiteSettingsEditModel.From(await settings.GetAsync(cancellationToken)), urls.ConfiguredBaseUrl, null));

    [HttpPost("")]
    public async Task<IActionResult> Index(SiteSettingsEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!ModelState.IsValid)
        {
            return View(new SettingsFormViewModel(model, urls.ConfiguredBaseUrl, null));
        }

        var result = await editor.SaveAsync(model, User, cancellationToken);
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                Flash("Đã lưu cài đặt. Trang công khai hiển thị thay đổi ngay.");
                return Redirect("/quan-tri/cai-dat");
            case EditOutcome.Invalid:
                ModelState.AddModelError(result.Field ?? "", result.Error ?? "Dữ liệu không hợp lệ.");
                return View(new SettingsFormViewModel(model, urls.ConfiguredBaseUrl, null));
            default:
                // The next save overwrites, knowingly: the form now carries the current stamp.
                model.ConcurrencyStamp = result.CurrentStamp;
                ModelState.Remove(nameof(model.ConcurrencyStamp));
                return View(new SettingsFormViewModel(model, urls.ConfiguredBaseUrl, result.Conflict));
        }
    }
}
