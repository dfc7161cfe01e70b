using DoJ.Portal.Web.Settings;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>The banner: agency and department names from the site settings.</summary>
public sealed class SiteHeaderViewComponent(SiteSettingsCache settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await settings.GetAsync());
}

