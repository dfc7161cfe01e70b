using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Auditing;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Auditing;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The audit log, read-only: filters, paging and a CSV export (Administrators).</summary>
[Route(AdminUrls.Audit)]
[Authorize(Policy = PortalPolicies.Administrators)]
public sealed class AuditController(AuditRepository audit, TimeProvider clock) : AdminControllerBase
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, [FromQuery] string? trang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var filter = ToFilter(query);
        var entries = await audit.ListAsync(filter, page, PageSize, cancellationToken);
        return View(new AuditListViewModel(entries, query, await audit.ChoicesAsync(cancellationToken)));
    }

    [HttpGet(AdminUrls.Segments.Export)]
    public async Task<IActionResult> Export([FromQuery] AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = ToFilter(query);
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var day = VietnamTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"nhat-ky-{day}.csv\"";
        await using var writer = new StreamWriter(Response.Body, CsvWriter.Utf8WithBom, bufferSize: 16 * 1024);
        var csv = new CsvWriter(writer);
        await csv.WriteRowAsync("Thời gian", "Người thực hiện", "Thao tác", "Loại đối tượng", "Mã đối tượng", "Mô tả", "Giá trị thay đổi");
        await foreach (var e in audit.StreamAsync(filter).WithCancellation(cancellationToken))
        {
            var changes = string.Join("; ", AuditText.Changes(e.Changes).Select(c => $"{c.Field}: {c.Old} → {c.New}"));
            await csv.WriteRowAsync(
                VietnamTime.ToVietnam(e.AtUtc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                e.UserName, e.Action, AuditText.KindName(e.EntityType), e.EntityId, e.Summary, changes);
        }

        return new EmptyResult();
    }

    /// <summary>The query as a filter; an impossible date or an inverted range becomes a message, never an error page.</summary>
    private AuditFilter ToFilter(AuditQuery q)
    {
        var from = ParseDay(q.From, "tu-ngay", "Từ ngày");
        var to = ParseDay(q.To, "den-ngay", "Đến ngày");
        if (from is { } f && to is { } t && f > t)
        {
            ModelState.AddModelError("den-ngay", "“Đến ngày” phải sau hoặc trùng “Từ ngày”.");
            to = null;
        }

        return new AuditFilter(
            Clip(q.User, AuditEntry.UserNameMaxLength),
            Clip(q.Kind, AuditEntry.EntityTypeMaxLength),
            Clip(q.Action, AuditEntry.ActionMaxLength),
            Clip(q.Id, AuditEntry.EntityIdMaxLength),
            from is { } start ? VietnamTime.UtcRangeOf(start).StartUtc : null,
            to is { } end ? VietnamTime.UtcRangeOf(end).EndUtc : null);
    }

    private DateOnly? ParseDay(string? text, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if ((VietnamTime.TryParseIsoDate(text, out var day) || VietnamTime.TryParseDate(text, out day)) && day.Year is >= 2000 and <= 9998)
        {
            return day;
        }

        ModelState.AddModelError(key, $"“{label}” không phải là một ngày hợp lệ (ví dụ 22/01/2021).");
        return null;
    }

    private static string? Clip(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length > max ? text[..max] : text;
}
