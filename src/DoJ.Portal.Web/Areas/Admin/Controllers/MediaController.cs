using DoJ.Portal.Data;
using DoJ.Portal.Domain.Paging;
using DoJ.Portal.Web.Areas.Admin.Models;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Web.Security;
using DoJ.Portal.Web.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Areas.Admin.Controllers;

/// <summary>The image library: upload (form or editor) and a list to pick from.</summary>
[Route("quan-tri/thu-vien-anh")]
[Authorize(Policy = PortalPolicies.Staff)]
public sealed class MediaController(MediaStore store, PortalDbContext db) : AdminControllerBase
{
    public const int PageSize = 24;

    /// <summary>Somewhat over the 5 MB image limit, for the multipart envelope; far larger requests are cut off early.</summary>
    public const long RequestLimit = MediaStore.MaxBytes + (512 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? trang, CancellationToken cancellationToken)
    {
        if (!PageNumber.TryParse(trang, out var page))
        {
            return BadRequest();
        }

        var total = await db.Media.LongCountAsync(cancellationToken);
        var items = await db.Media.AsNoTracking().OrderByDescending(m => m.Id)
            .Skip(PageNumber.Offset(page, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        return View(new MediaListViewModel(new PagedList<Domain.Content.Media>(items, page, PageSize, total)));
    }

    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [HttpPost("")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Upload(IFormFile? file, [FromForm(Name = "mo-ta")] string? altText, CancellationToken cancellationToken)
    {
        var result = await SaveAsync(file, altText, cancellationToken);
        Flash(result.Succeeded ? $"Đã tải lên ảnh “{result.Media!.OriginalName}”." : result.Error!);
        return LocalRedirect("/quan-tri/thu-vien-anh");
    }

    /// <summary>For the editor's image button: JSON with the new image's address, or the reason it was refused.</summary>
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [HttpPost("tai-len")]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> UploadFromEditor(IFormFile? file, CancellationToken cancellationToken)
    {
        var result = await SaveAsync(file, null, cancellationToken);
        return result.Succeeded
            ? Json(new { url = MediaStore.Url(result.Media!.FileName), thumbnail = MediaStore.Url(result.Media.ThumbnailFileName!) })
            : BadRequest(new { error = result.Error });
    }

    private async Task<MediaResult> SaveAsync(IFormFile? file, string? altText, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return new MediaResult(null, "Vui lòng chọn một tệp ảnh.");
        }

        if (file.Length > MediaStore.MaxBytes)
        {
            return new MediaResult(null, "Ảnh vượt quá dung lượng cho phép (5 MB).");
        }

        await using var stream = file.OpenReadStream();
        return await store.SaveAsync(stream, file.FileName, altText, User, cancellationToken);
    }
}
