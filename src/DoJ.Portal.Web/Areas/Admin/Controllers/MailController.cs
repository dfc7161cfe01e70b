using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Mail;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>Thư gửi đi: the outgoing mail queue, its failures, and a retry of a given-up message (Administrators).</summary>
[Route(AdminUrls.Mail)]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class MailController(OutgoingMailRepository queue, AuditLog audit, TimeProvider clock, IOptions<MailOptions> options) : AdminControllerBase
{
    private const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "trang-thai")] string? state, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        MailState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<MailState>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(state, out _))
            {
                return BadRequest();
            }

            filter = parsed;
        }

        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var mails = await queue.ListAsync(filter, page, PageSize, cancellationToken);
        return mails.IsPastEnd && page > 1 ? NotFound() : View(new MailListViewModel(mails, filter, options.Value.UsesPickupFolder));
    }

    /// <summary>Puts a given-up message back in the queue; the sender tries it at its next look.</summary>
    [HttpPost("{id:long}/thu-lai")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        if (!await queue.RetryAsync(id, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            Flash("Thư này không ở trạng thái đã bỏ nên không cần gửi lại.");
            return LocalRedirect(AdminUrls.Mail);
        }

        await audit.RecordNowAsync(User, "retry", "OutgoingMail", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Gửi lại thư đã bỏ", cancellationToken: cancellationToken);
        Flash("Đã đưa thư vào hàng chờ gửi lại.");
        return LocalRedirect(AdminUrls.Mail);
    }
}
