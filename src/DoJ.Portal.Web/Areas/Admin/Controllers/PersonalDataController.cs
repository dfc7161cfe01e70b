using DoJ.Portal.Domain.Text;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Privacy;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Dữ liệu cá nhân: an administrator finds what the portal holds under one e-mail address or phone number and erases
/// it on the person's request. The address travels in POST bodies only, never in a URL (and so never in a log line).
/// </summary>
[Route(AdminUrls.PersonalData)]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class PersonalDataController(PersonalDataErasure erasure) : AdminControllerBase
{
    private const int ContactMaxLength = 254;
    private const string InvalidContact = "Hãy nhập đúng một địa chỉ thư điện tử hoặc một số điện thoại Việt Nam.";

    [HttpGet("")]
    public IActionResult Index() => View(new PersonalDataViewModel(null, null));

    [HttpPost("")]
    public async Task<IActionResult> Search([FromForm(Name = "lien-he")] string? contact, CancellationToken cancellationToken)
    {
        if (Parse(contact) is not { } key)
        {
            ModelState.AddModelError("lien-he", InvalidContact);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new PersonalDataViewModel(Bounded(contact), null));
        }

        return View(nameof(Index), new PersonalDataViewModel(key.Value, await erasure.FindAsync(key, cancellationToken)));
    }

    [HttpPost("xoa")]
    public async Task<IActionResult> Erase([FromForm(Name = "lien-he")] string? contact, [FromForm(Name = "xac-nhan")] bool confirmed, CancellationToken cancellationToken)
    {
        if (Parse(contact) is not { } key)
        {
            ModelState.AddModelError("lien-he", InvalidContact);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new PersonalDataViewModel(Bounded(contact), null));
        }

        if (!confirmed)
        {
            ModelState.AddModelError("xac-nhan", "Hãy đánh dấu ô xác nhận trước khi xóa: dữ liệu đã xóa không khôi phục được.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new PersonalDataViewModel(key.Value, await erasure.FindAsync(key, cancellationToken)));
        }

        var counts = await erasure.EraseAsync(key, User, cancellationToken);
        Flash($"Đã xóa dữ liệu cá nhân: {VietnameseNumber.Format(counts.Questions)} câu hỏi, {VietnameseNumber.Format(counts.Comments)} ý kiến góp ý, {VietnameseNumber.Format(counts.Mails)} thư.");
        return LocalRedirect(AdminUrls.PersonalData);
    }

    private static ContactKey? Parse(string? contact) => contact is { Length: <= ContactMaxLength } ? ContactKey.Parse(contact) : null;

    private static string? Bounded(string? contact) => contact is { Length: > ContactMaxLength } ? contact[..ContactMaxLength] : contact;
}
