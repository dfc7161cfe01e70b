using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The department's name, contact details, footer, base URL and page sizes (Administrators).</summary>
[Route(AdminUrls.Settings)]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class SettingsController(SiteSettingsEditor editor) : AdminControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await ShowAsync(await editor.LoadAsync(cancellationToken), form => View(new SettingsFormViewModel(form, editor.ConfiguredBaseUrl, null)));

    /// <summary>A stale save shows what the other administrator saved; the form then carries the current stamp, so the next save overwrites knowingly.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Index(SiteSettingsEditModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        Task<IActionResult> Form(EditConflict? conflict)
        {
            if (conflict is not null)
            {
                model.ConcurrencyStamp = conflict.CurrentStamp;
                ModelState.Remove(nameof(model.ConcurrencyStamp));
            }

            return Task.FromResult<IActionResult>(View(new SettingsFormViewModel(model, editor.ConfiguredBaseUrl, conflict)));
        }

        return ModelState.IsValid
            ? await RespondAsync(await editor.SaveAsync(model, User, cancellationToken), AdminUrls.Settings,
                "Đã lưu cài đặt. Trang công khai hiển thị thay đổi ngay.", result => Form(result.Conflict))
            : await Form(null);
    }
}
