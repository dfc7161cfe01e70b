using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Counting;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Counting;
using DoJ.Portal.Web.Models;
using DoJ.Portal.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>"Xem tin theo ngày": a date field that opens the day archive.</summary>
public sealed class DayArchivePickerViewComponent(TimeProvider clock) : ViewComponent
{
    public IViewComponentResult Invoke() => View(DoJ.Portal.Domain.Time.VietnamTime.Today(clock));
}
