using DoJ.Portal.Web.Settings;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The footer: agency name, address, phone, email, responsible person, licence line.</summary>
public sealed class SiteFooterViewComponent(SiteSettingsCache settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await settings.GetAsync());
}
