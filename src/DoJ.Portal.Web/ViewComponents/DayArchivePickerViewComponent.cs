using DoJ.Portal.Domain.Time;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.ViewComponents;

/// <summary>"Xem tin theo ngày": a date field that opens the day archive.</summary>
public sealed class DayArchivePickerViewComponent(TimeProvider clock) : ViewComponent
{
    public IViewComponentResult Invoke() => View(VietnamTime.Today(clock));
}
